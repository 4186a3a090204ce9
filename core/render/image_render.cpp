#include "core/render/image_render.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "core/util/error.h"

namespace poisonlab {

std::vector<std::uint8_t> renderRgb(const std::uint8_t* img, int scale, const TriggerSpec* mark) {
  if (scale < 1 || scale > 64) throw Error("scale: " + std::to_string(scale) + " is outside 1..64");
  const int side = kImageSide * scale;
  std::vector<std::uint8_t> out(static_cast<std::size_t>(side) * side * 3);
  for (int y = 0; y < side; ++y) {
    for (int x = 0; x < side; ++x) {
      const int off = (y / scale) * kImageSide + (x / scale);
      std::uint8_t* px = &out[(static_cast<std::size_t>(y) * side + x) * 3];
      for (int c = 0; c < 3; ++c) px[c] = img[c * kPlaneBytes + off];
    }
  }
  if (mark) {
    // An outline just outside the square, so the trigger's own pixels stay visible. Two
    // rings: a dark and a light one, readable on any background.
    cv::Mat m(side, side, CV_8UC3, out.data());
    const int t = std::max(1, scale / 4);
    const cv::Rect r(mark->col * scale, mark->row * scale, mark->size * scale, mark->size * scale);
    cv::rectangle(m, cv::Rect(r.x - t, r.y - t, r.width + 2 * t, r.height + 2 * t),
                  cv::Scalar(0, 255, 0), t);
    cv::rectangle(m, cv::Rect(r.x - 2 * t, r.y - 2 * t, r.width + 4 * t, r.height + 4 * t),
                  cv::Scalar(0, 0, 0), t);
  }
  return out;
}

std::vector<std::uint8_t> renderPng(const std::uint8_t* img, int scale, const TriggerSpec* mark) {
  std::vector<std::uint8_t> rgb = renderRgb(img, scale, mark);
  const int side = kImageSide * scale;
  cv::Mat m(side, side, CV_8UC3, rgb.data());
  cv::Mat bgr;
  cv::cvtColor(m, bgr, cv::COLOR_RGB2BGR);
  std::vector<std::uint8_t> png;
  if (!cv::imencode(".png", bgr, png)) throw Error("PNG encoding failed");
  return png;
}

}  // namespace poisonlab
