#include "plot/fast_scatter.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace poisonlab::gui {

FastScatter::FastScatter(QCPAxis* keyAxis, QCPAxis* valueAxis)
    : QCPAbstractPlottable(keyAxis, valueAxis) {
  setSelectable(QCP::stNone);
}

void FastScatter::setPoints(std::vector<double> xs, std::vector<double> ys) {
  xs_ = std::move(xs);
  ys_ = std::move(ys);
  ys_.resize(xs_.size());
}

void FastScatter::setShape(Shape s, int radius) {
  shape_ = s;
  radius_ = std::clamp(radius, 0, 16);
}

double FastScatter::selectTest(const QPointF&, bool, QVariant*) const { return -1; }

QCPRange FastScatter::getKeyRange(bool& found, QCP::SignDomain) const {
  found = !xs_.empty();
  if (!found) return {};
  const auto [lo, hi] = std::minmax_element(xs_.begin(), xs_.end());
  return {*lo, *hi};
}

QCPRange FastScatter::getValueRange(bool& found, QCP::SignDomain, const QCPRange&) const {
  found = !ys_.empty();
  if (!found) return {};
  const auto [lo, hi] = std::minmax_element(ys_.begin(), ys_.end());
  return {*lo, *hi};
}

void FastScatter::draw(QCPPainter* painter) {
  QCPAxis* kx = keyAxis();
  QCPAxis* vy = valueAxis();
  if (!kx || !vy || xs_.empty()) return;
  const QRect area = clipRect();
  if (area.isEmpty()) return;
  // Drawn at the painter's scale (an export at 3x draws 3x the pixels, not blown-up ones).
  const double scale = std::clamp(painter->transform().m11(), 1.0, 8.0);
  const int radius = int(std::lround(radius_ * scale));
  // The stamp: the pixels of a disc (or a ring, as thick as one screen pixel) around (0, 0).
  std::vector<std::pair<int, int>> stamp;
  const double r = radius + 0.5;
  for (int dy = -radius; dy <= radius; ++dy)
    for (int dx = -radius; dx <= radius; ++dx) {
      const double d = std::sqrt(double(dx * dx + dy * dy));
      if (shape_ == Shape::Disc ? d <= r : (d <= r && d > r - 1.6 * scale))
        stamp.emplace_back(dx, dy);
    }
  QImage image((QSizeF(area.size()) * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
  image.fill(Qt::transparent);
  const QRgb rgb = colour_.rgba();
  const int w = image.width(), h = image.height();
  const auto bytesPerLine = image.bytesPerLine() / 4;
  auto* bits = reinterpret_cast<QRgb*>(image.bits());
  for (std::size_t k = 0; k < xs_.size(); ++k) {
    const double px = (kx->coordToPixel(xs_[k]) - area.left()) * scale;
    const double py = (vy->coordToPixel(ys_[k]) - area.top()) * scale;
    if (!(px > -radius - 1 && px < w + radius + 1 && py > -radius - 1 && py < h + radius + 1))
      continue;
    const int cx = int(std::lround(px)), cy = int(std::lround(py));
    for (const auto& [dx, dy] : stamp) {
      const int x = cx + dx, y = cy + dy;
      if (x >= 0 && x < w && y >= 0 && y < h) bits[y * bytesPerLine + x] = rgb;
    }
  }
  painter->drawImage(QRectF(area), image);
}

void FastScatter::drawLegendIcon(QCPPainter* painter, const QRectF& rect) const {
  painter->setRenderHint(QPainter::Antialiasing, true);
  const double d = std::min(rect.width(), rect.height()) * 0.6;
  const QRectF disc(rect.center().x() - d / 2, rect.center().y() - d / 2, d, d);
  if (shape_ == Shape::Disc) {
    painter->setPen(Qt::NoPen);
    painter->setBrush(colour_);
  } else {
    painter->setPen(QPen(colour_, 1.5));
    painter->setBrush(Qt::NoBrush);
  }
  painter->drawEllipse(disc);
}

}  // namespace poisonlab::gui
