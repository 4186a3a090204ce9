#include "plot/pixel_view.h"

#include <QPainter>

#include <algorithm>

#include "state/sample_image.h"

namespace poisonlab::gui {

PixelView::PixelView(QWidget* parent) : QWidget(parent) {
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void PixelView::setImage(const QImage& image) {
  image_ = image;
  update();
}

void PixelView::setTriggerMark(std::optional<TriggerSpec> trigger) {
  setTriggerOverlay(trigger ? std::optional<TriggerOverlay>(triggerOverlay(*trigger))
                            : std::nullopt);
}

void PixelView::setTriggerOverlay(std::optional<TriggerOverlay> overlay) {
  mark_ = std::move(overlay);
  update();
}

void PixelView::setDifference(const QImage& other) {
  other_ = other;
  update();
}

void PixelView::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.fillRect(rect(), palette().window());
  if (image_.isNull()) return;
  // Largest integer scale that fits, so every source pixel is a crisp square.
  const int scale = std::max(1, std::min(width() / image_.width(), height() / image_.height()));
  const QRect target((width() - image_.width() * scale) / 2,
                     (height() - image_.height() * scale) / 2, image_.width() * scale,
                     image_.height() * scale);
  p.setRenderHint(QPainter::SmoothPixmapTransform, false);
  p.drawImage(target, image_);
  if (!other_.isNull() && other_.size() == image_.size()) {
    p.setPen(QPen(QColor(255, 200, 0), 2));
    p.setBrush(Qt::NoBrush);
    for (int y = 0; y < image_.height(); ++y)
      for (int x = 0; x < image_.width(); ++x)
        if (image_.pixel(x, y) != other_.pixel(x, y))
          p.drawRect(target.x() + x * scale - 2, target.y() + y * scale - 2, scale + 3, scale + 3);
  }
  if (mark_) {
    // Black under green: the outline reads on any image. The close-up's image is smaller than
    // 32 pixels: its overlay is laid out at the same scale.
    const QRectF all(target.x(), target.y(), kImageSide * scale, kImageSide * scale);
    if (!mark_->stripes) paintTriggerOverlay(p, all, *mark_, QPen(Qt::black, 2), 4.5);
    paintTriggerOverlay(p, all, *mark_, QPen(QColor(0, 230, 64), 2), 2.5);
  }
}

}  // namespace poisonlab::gui
