#include "state/sample_image.h"

#include <QPainter>

#include "core/data/dataset.h"

namespace poisonlab::gui {

QImage toQImage(const std::uint8_t* img) {
  QImage out(kImageSide, kImageSide, QImage::Format_RGB888);
  for (int y = 0; y < kImageSide; ++y) {
    uchar* line = out.scanLine(y);
    for (int x = 0; x < kImageSide; ++x) {
      const int off = y * kImageSide + x;
      line[3 * x + 0] = img[off];
      line[3 * x + 1] = img[kPlaneBytes + off];
      line[3 * x + 2] = img[2 * kPlaneBytes + off];
    }
  }
  return out;
}

QRect TriggerOverlay::bounds() const {
  QRect r;
  for (const QRect& m : rects) r = r.united(m);
  return r;
}

TriggerOverlay TriggerOverlay::shifted(int dx, int dy) const {
  TriggerOverlay o = *this;
  for (QRect& m : o.rects) m.translate(-dx, -dy);
  return o;
}

TriggerOverlay triggerOverlay(const TriggerSpec& t, std::size_t imageIndex, bool mirrored) {
  TriggerOverlay o;
  o.stripes = t.type == TriggerType::Sinusoid;
  for (const TriggerMark& m : t.marks(imageIndex, mirrored))
    o.rects.append(QRect(m.col, m.row, m.width, m.height));
  return o;
}

void paintTriggerOverlay(QPainter& p, const QRectF& image, const TriggerOverlay& o, const QPen& pen,
                         double pad) {
  const double s = image.width() / kImageSide;
  p.save();
  p.setBrush(Qt::NoBrush);
  p.setPen(pen);
  QColor fill = pen.color();
  fill.setAlpha(70);
  for (const QRect& m : o.rects) {
    const QRectF r(image.x() + m.x() * s, image.y() + m.y() * s, m.width() * s, m.height() * s);
    if (o.stripes)
      p.fillRect(r, fill);
    else
      p.drawRect(r.adjusted(-pad, -pad, pad, pad));
  }
  p.restore();
}

}  // namespace poisonlab::gui
