#pragma once
// A detector's scores within one class as a histogram, poisoned and clean samples stacked in
// two colours (the ground truth, for the researcher's eyes only), the selected samples outlined
// and the removal threshold as a dashed line: the Spectral view's plot (which adds dragging the
// line and clicking bins) and the report's.

#include <QCoreApplication>

#include <cstdint>
#include <vector>

class QCPBars;
class QCPItemStraightLine;
class QCustomPlot;
class QWidget;

namespace poisonlab::gui {

class Session;

/// A detector's scores of one class's shown samples, in the detector's order.
struct ClassScores {
  std::vector<int> indices;  ///< training indices
  std::vector<double> scores;
  std::vector<std::uint8_t> poisoned;
  /// The lowest score the detector flagged (its own threshold); +inf when it flagged none.
  double flaggedFrom = 0;
};
/// The finite scores of `detector` for the samples labelled `cls` that the grid shows.
ClassScores classScores(const Session& session, const QString& detector, int cls);

class ScoreHistogram {
  // The Spectral view's words: translated under its name.
  Q_DECLARE_TR_FUNCTIONS(poisonlab::gui::SpectralView)

 public:
  static constexpr int kBins = 60;
  /// Makes the plot (bars, legend, threshold line) as a child of `parent`.
  explicit ScoreHistogram(QWidget* parent);
  /// Bins `scores` (kBins between their least and greatest), poisons stacked on clean ones.
  void setScores(const std::vector<double>& scores, const std::vector<std::uint8_t>& poisoned);
  /// Outlines the bins of these scores (the selected samples'); none hides the outline.
  void setSelected(const std::vector<double>& scores);
  /// Moves the threshold line (no replot).
  void setThreshold(double threshold);
  /// The binned range: [lo, hi], hi > lo.
  double lo() const { return lo_; }
  double hi() const { return hi_; }
  double binWidth() const { return (hi_ - lo_) / kBins; }
  QCustomPlot* plot() const { return plot_; }

 private:
  int binOf(double score) const;
  QCustomPlot* plot_;
  QCPBars* clean_;
  QCPBars* poison_;
  QCPBars* selected_;
  QCPItemStraightLine* line_;
  double lo_ = 0, hi_ = 1;
};

}  // namespace poisonlab::gui
