#pragma once
// Choosing points on a plot by area: the polygon hit test behind the scatter's lasso and
// rectangle (pure functions, tested on their own).

#include <QPointF>
#include <QPolygonF>
#include <QRectF>

#include <vector>

namespace poisonlab::gui {

/// Positions k of the points (xs[k], ys[k]) inside `polygon` (even-odd rule; a point on an
/// edge may fall either way). A polygon of fewer than three corners holds nothing.
std::vector<int> pointsInPolygon(const std::vector<double>& xs, const std::vector<double>& ys,
                                 const QPolygonF& polygon);
/// Positions k of the points inside the (normalised) rectangle, edges included.
std::vector<int> pointsInRect(const std::vector<double>& xs, const std::vector<double>& ys,
                              const QRectF& rect);

}  // namespace poisonlab::gui
