#include "core/render/image_render.h"

#include <algorithm>

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
    // Every mark (three-pixel: each of its three places; the sinusoid: its crest columns).
    for (const TriggerMark& k : mark->marks()) {
      const cv::Rect r(k.col * scale, k.row * scale, k.width * scale, k.height * scale);
      cv::rectangle(m, cv::Rect(r.x - t, r.y - t, r.width + 2 * t, r.height + 2 * t),
                    cv::Scalar(0, 255, 0), t);
      if (mark->type != TriggerType::Sinusoid)
        cv::rectangle(m, cv::Rect(r.x - 2 * t, r.y - 2 * t, r.width + 4 * t, r.height + 4 * t),
                      cv::Scalar(0, 0, 0), t);
    }
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

std::vector<std::uint8_t> heatmapOverlayRgb(const std::uint8_t* img, const std::vector<float>& map,
                                            double alpha) {
  if (map.size() != static_cast<std::size_t>(kImageSide * kImageSide))
    throw Error("saliency map: " + std::to_string(map.size()) + " values where " +
                std::to_string(kImageSide * kImageSide) + " were expected");
  cv::Mat grey(kImageSide, kImageSide, CV_8UC1);
  for (int k = 0; k < kImageSide * kImageSide; ++k)
    grey.data[k] = static_cast<std::uint8_t>(std::clamp(map[std::size_t(k)], 0.f, 1.f) * 255.f);
  cv::Mat heatBgr, heat;
  cv::applyColorMap(grey, heatBgr, cv::COLORMAP_JET);
  cv::cvtColor(heatBgr, heat, cv::COLOR_BGR2RGB);
  std::vector<std::uint8_t> out = renderRgb(img, 1);
  cv::Mat base(kImageSide, kImageSide, CV_8UC3, out.data());
  cv::addWeighted(heat, alpha, base, 1 - alpha, 0, base);
  return out;
}

}  // namespace poisonlab
