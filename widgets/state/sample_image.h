#pragma once
// Converting core's planar 3 x 32 x 32 bytes into Qt images.

#include <QImage>
#include <QList>
#include <QPen>
#include <QRect>

#include <cstdint>

#include "core/attack/trigger.h"

class QPainter;

namespace poisonlab::gui {

/// A 32x32 RGB888 copy of one planar CHW image.
QImage toQImage(const std::uint8_t* chwImage);

/// Where an overlay draws a trigger (TriggerSpec::marks in image pixels, row/column -> y/x):
/// squares are outlined, the sinusoid's crest columns (`stripes`) filled translucently.
struct TriggerOverlay {
  QList<QRect> rects;
  bool stripes = false;
  /// The smallest rectangle holding every mark.
  QRect bounds() const;
  /// The same marks moved by (-dx, -dy): a close-up cut out at (dx, dy).
  TriggerOverlay shifted(int dx, int dy) const;
};
TriggerOverlay triggerOverlay(const TriggerSpec& t, std::size_t imageIndex = TriggerSpec::kAnyImage,
                              bool mirrored = false);
/// Paints `o` over an image drawn in `image` (32 image pixels across): squares outlined with
/// `pen`, `pad` device pixels outside them; stripes filled in the pen's colour at low alpha.
void paintTriggerOverlay(QPainter& p, const QRectF& image, const TriggerOverlay& o, const QPen& pen,
                         double pad);

}  // namespace poisonlab::gui
