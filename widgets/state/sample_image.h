#pragma once
// Converting core's planar 3 x 32 x 32 bytes into Qt images.

#include <QImage>
#include <QRect>

#include <cstdint>

#include "core/attack/trigger.h"

namespace poisonlab::gui {

/// A 32x32 RGB888 copy of one planar CHW image.
QImage toQImage(const std::uint8_t* chwImage);

/// The trigger's square in image pixels (row/column -> y/x).
inline QRect triggerRect(const TriggerSpec& t) { return QRect(t.col, t.row, t.size, t.size); }

}  // namespace poisonlab::gui
