#include "state/sample_image.h"

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

}  // namespace poisonlab::gui
