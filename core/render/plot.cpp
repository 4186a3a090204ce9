#include "core/render/plot.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>
#include <cstdio>

#include "core/util/atomic_file.h"
#include "core/util/error.h"

namespace poisonlab {
namespace {

cv::Scalar bgr(int rgb) { return cv::Scalar(rgb & 0xff, (rgb >> 8) & 0xff, (rgb >> 16) & 0xff); }

void text(cv::Mat& img, const std::string& s, cv::Point at, double scale, int align = 0,
          int thickness = 1, cv::Scalar colour = cv::Scalar(30, 30, 30)) {
  int base = 0;
  const cv::Size size = cv::getTextSize(s, cv::FONT_HERSHEY_SIMPLEX, scale, thickness, &base);
  if (align == 1) at.x -= size.width / 2;
  if (align == 2) at.x -= size.width;
  cv::putText(img, s, at, cv::FONT_HERSHEY_SIMPLEX, scale, colour, thickness, cv::LINE_AA);
}

std::string tick(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", std::round(v * 1000) / 1000);
  return buf;
}

void dashedLine(cv::Mat& img, cv::Point a, cv::Point b, cv::Scalar c, int thickness) {
  const double len = std::hypot(b.x - a.x, b.y - a.y);
  const int dashes = std::max(1, int(len / 10));
  for (int i = 0; i < dashes; i += 2) {
    const double t0 = double(i) / dashes, t1 = std::min(1.0, double(i + 1) / dashes);
    cv::line(img, a + (b - a) * t0, a + (b - a) * t1, c, thickness, cv::LINE_AA);
  }
}

}  // namespace

int paletteColor(std::size_t i) {
  static const int kTab10[] = {0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd,
                               0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf};
  return kTab10[i % 10];
}

void writeLinePlotPng(const std::string& path, const std::string& title,
                      const std::vector<PlotPanel>& panels) {
  if (panels.empty()) throw Error(path + ": nothing to plot");
  const int panelW = 560, panelH = 420, top = 60, legendH = 50;
  cv::Mat img(top + panelH + legendH, panelW * static_cast<int>(panels.size()), CV_8UC3,
              cv::Scalar(255, 255, 255));
  text(img, title, {img.cols / 2, 32}, 0.75, 1, 2);
  for (std::size_t p = 0; p < panels.size(); ++p) {
    const PlotPanel& pl = panels[p];
    const int x0 = static_cast<int>(p) * panelW + 75, x1 = static_cast<int>(p + 1) * panelW - 25;
    const int y0 = top + 30, y1 = top + panelH - 55;
    auto px = [&](double x) {
      return x0 + int(std::lround((x - pl.xMin) / (pl.xMax - pl.xMin) * (x1 - x0)));
    };
    auto py = [&](double y) {
      return y1 - int(std::lround((y - pl.yMin) / (pl.yMax - pl.yMin) * (y1 - y0)));
    };
    text(img, pl.title, {(x0 + x1) / 2, y0 - 12}, 0.6, 1, 2);
    for (int i = 0; i <= 4; ++i) {  // grid and ticks
      const double xv = pl.xMin + (pl.xMax - pl.xMin) * i / 4;
      const double yv = pl.yMin + (pl.yMax - pl.yMin) * i / 4;
      cv::line(img, {px(xv), y0}, {px(xv), y1}, cv::Scalar(225, 225, 225), 1);
      cv::line(img, {x0, py(yv)}, {x1, py(yv)}, cv::Scalar(225, 225, 225), 1);
      text(img, tick(xv), {px(xv), y1 + 20}, 0.45, 1);
      text(img, tick(yv), {x0 - 8, py(yv) + 5}, 0.45, 2);
    }
    cv::rectangle(img, {x0, y0}, {x1, y1}, cv::Scalar(90, 90, 90), 1);
    text(img, pl.xLabel, {(x0 + x1) / 2, y1 + 45}, 0.5, 1);
    // The y label, rotated: drawn on its own canvas and turned.
    int base = 0;
    const cv::Size ts = cv::getTextSize(pl.yLabel, cv::FONT_HERSHEY_SIMPLEX, 0.5, 1, &base);
    cv::Mat label(ts.height + 8, ts.width + 4, CV_8UC3, cv::Scalar(255, 255, 255));
    text(label, pl.yLabel, {2, ts.height + 2}, 0.5);
    cv::rotate(label, label, cv::ROTATE_90_COUNTERCLOCKWISE);
    const int ly = std::max(0, (y0 + y1) / 2 - label.rows / 2);
    const int lx = static_cast<int>(p) * panelW + 8;
    if (ly + label.rows <= img.rows && lx + label.cols <= img.cols)
      label.copyTo(img(cv::Rect(lx, ly, label.cols, label.rows)));
    for (const auto& s : pl.series) {
      std::vector<cv::Point> pts;
      for (std::size_t i = 0; i < s.x.size() && i < s.y.size(); ++i)
        if (std::isfinite(s.x[i]) && std::isfinite(s.y[i])) pts.push_back({px(s.x[i]), py(s.y[i])});
      for (std::size_t i = 1; i < pts.size(); ++i) {
        if (s.dashed)
          dashedLine(img, pts[i - 1], pts[i], bgr(s.rgb), 2);
        else
          cv::line(img, pts[i - 1], pts[i], bgr(s.rgb), 2, cv::LINE_AA);
      }
      for (const auto& q : pts)
        if (!s.dashed) cv::circle(img, q, 4, bgr(s.rgb), cv::FILLED, cv::LINE_AA);
    }
  }
  // Legend: every series name once.
  std::vector<const PlotSeries*> legend;
  for (const auto& pl : panels)
    for (const auto& s : pl.series) {
      bool seen = false;
      for (auto* l : legend) seen = seen || l->name == s.name;
      if (!seen) legend.push_back(&s);
    }
  int lx = 30;
  const int ly = top + panelH + 20;
  for (auto* s : legend) {
    if (s->dashed)
      dashedLine(img, {lx, ly}, {lx + 36, ly}, bgr(s->rgb), 2);
    else
      cv::line(img, {lx, ly}, {lx + 36, ly}, bgr(s->rgb), 2, cv::LINE_AA);
    text(img, s->name, {lx + 44, ly + 5}, 0.5);
    int base = 0;
    lx += 44 + cv::getTextSize(s->name, cv::FONT_HERSHEY_SIMPLEX, 0.5, 1, &base).width + 30;
  }
  std::vector<std::uint8_t> png;
  if (!cv::imencode(".png", img, png)) throw Error(path + ": PNG encoding failed");
  writeFileAtomic(path, png);
}

}  // namespace poisonlab
