#pragma once
/// @file plot.h
/// Small publication-style line charts as PNG (OpenCV drawing), for the CLI's figures, e.g.
/// the corrective-unlearning sweep. The GUI draws its own with QCustomPlot.

#include <string>
#include <vector>

namespace poisonlab {

struct PlotSeries {
  std::string name;
  std::vector<double> x, y;
  int rgb = 0x1f77b4;  ///< line colour
  bool dashed = false;
};

struct PlotPanel {
  std::string title, xLabel, yLabel;
  double xMin = 0, xMax = 1, yMin = 0, yMax = 100;
  std::vector<PlotSeries> series;
};

/// Draws the panels side by side with a shared legend and writes a PNG atomically.
void writeLinePlotPng(const std::string& path, const std::string& title,
                      const std::vector<PlotPanel>& panels);

/// A qualitative palette (matplotlib's tab10), for series i.
int paletteColor(std::size_t i);

}  // namespace poisonlab
