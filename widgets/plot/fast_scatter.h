#pragma once
// A scatter plottable for tens of thousands of points: instead of one QPainter ellipse per
// point (QCPGraph's scatter), the points are stamped into an image the size of the axis rect,
// one small disc or ring mask each, and the image is drawn once. 50,000 points redraw in a
// few milliseconds (bench_workbench), so panning and selecting stay smooth.

#include <QColor>

#include <vector>

#include "qcustomplot.h"

namespace poisonlab::gui {

class FastScatter : public QCPAbstractPlottable {
  Q_OBJECT
 public:
  enum class Shape { Disc, Ring };
  FastScatter(QCPAxis* keyAxis, QCPAxis* valueAxis);
  void setPoints(std::vector<double> xs, std::vector<double> ys);
  void setColour(const QColor& c) { colour_ = c; }
  void setShape(Shape s, int radius);
  std::size_t size() const { return xs_.size(); }

  // QCPAbstractPlottable
  double selectTest(const QPointF& pos, bool onlySelectable,
                    QVariant* details = nullptr) const override;
  QCPRange getKeyRange(bool& foundRange, QCP::SignDomain inSignDomain = QCP::sdBoth) const override;
  QCPRange getValueRange(bool& foundRange, QCP::SignDomain inSignDomain = QCP::sdBoth,
                         const QCPRange& inKeyRange = QCPRange()) const override;

 protected:
  void draw(QCPPainter* painter) override;
  void drawLegendIcon(QCPPainter* painter, const QRectF& rect) const override;

 private:
  std::vector<double> xs_, ys_;
  QColor colour_ = Qt::blue;
  Shape shape_ = Shape::Disc;
  int radius_ = 2;
};

}  // namespace poisonlab::gui
