#include "plot/plot_select.h"

namespace poisonlab::gui {

std::vector<int> pointsInPolygon(const std::vector<double>& xs, const std::vector<double>& ys,
                                 const QPolygonF& polygon) {
  std::vector<int> out;
  const int n = static_cast<int>(polygon.size());
  if (n < 3) return out;
  const QRectF box = polygon.boundingRect();
  for (std::size_t k = 0; k < xs.size() && k < ys.size(); ++k) {
    const double x = xs[k], y = ys[k];
    if (x < box.left() || x > box.right() || y < box.top() || y > box.bottom()) continue;
    // Ray casting to +x: count the edges that cross the horizontal line through the point.
    bool inside = false;
    for (int i = 0, j = n - 1; i < n; j = i++) {
      const QPointF& a = polygon[i];
      const QPointF& b = polygon[j];
      if ((a.y() > y) != (b.y() > y) && x < (b.x() - a.x()) * (y - a.y()) / (b.y() - a.y()) + a.x())
        inside = !inside;
    }
    if (inside) out.push_back(static_cast<int>(k));
  }
  return out;
}

std::vector<int> pointsInRect(const std::vector<double>& xs, const std::vector<double>& ys,
                              const QRectF& rect) {
  const QRectF r = rect.normalized();
  std::vector<int> out;
  for (std::size_t k = 0; k < xs.size() && k < ys.size(); ++k)
    if (xs[k] >= r.left() && xs[k] <= r.right() && ys[k] >= r.top() && ys[k] <= r.bottom())
      out.push_back(static_cast<int>(k));
  return out;
}

}  // namespace poisonlab::gui
