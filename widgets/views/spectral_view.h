#pragma once
// Spectral signatures, looked at: per class, the histogram of outlier scores with poisoned and
// clean samples stacked in two colours, the removal threshold as a line you drag (precision,
// recall and the flagged count follow it), and a per-class overview (the top singular value's
// ratio to the next, and how many were flagged) in which the attacked class stands out.

#include <QWidget>

#include "views/lazy_refresh.h"

#include <memory>
#include <vector>

#include "core/detect/detection_metrics.h"

class QComboBox;
class QCustomPlot;
class QLabel;
class QMouseEvent;
class QPushButton;

namespace poisonlab::gui {

class ScoreHistogram;
class Session;

class SpectralView : public QWidget {
  Q_OBJECT
 public:
  explicit SpectralView(Session* session, QWidget* parent = nullptr);
  ~SpectralView() override;
  /// Which detector's scores to show (default: "spectral").
  void setDetector(const QString& name);
  QString detector() const;
  void setClass(int cls);
  int currentClass() const;
  /// The removal threshold: scores at or above it are flagged.
  double threshold() const { return threshold_; }
  void setThreshold(double t);
  /// Flagged count, precision and recall at the threshold within the class (shown samples).
  DetectionMetrics thresholdMetrics() const { return atThreshold_; }
  /// Selects the class's shown samples at or above the threshold.
  void selectAboveThreshold();
  /// Selects the shown samples of the class whose scores fall in [lo, hi).
  void selectScoreRange(double lo, double hi, bool add);
  QCustomPlot* histogram() const { return histogram_; }
  QCustomPlot* overview() const { return overview_; }
  /// Milliseconds the last threshold update took (recompute and redraw).
  double lastUpdateMs() const { return lastUpdateMs_; }
  /// Number of histogram bins.
  static constexpr int kBins = 60;

 signals:
  void thresholdChanged(double threshold);

 private:
  void refreshDetectors();
  void rebuild();
  void rebuildOverview();
  void updateSelectionBars();
  void updateThreshold();
  bool eventFilter(QObject* watched, QEvent* event) override;

  Session* session_;
  QComboBox* detector_;
  QComboBox* class_;
  QLabel* summary_;
  QLabel* thresholdText_;
  QPushButton* selectFlagged_;
  std::unique_ptr<ScoreHistogram> hist_;  // the histogram (plot/score_histogram.h)
  QCustomPlot* histogram_;                // its plot
  QCustomPlot* overview_;
  // The class's shown samples.
  std::vector<int> indices_;
  std::vector<double> scores_;
  std::vector<std::uint8_t> poisoned_;
  double threshold_ = 0;
  DetectionMetrics atThreshold_;
  bool dragging_ = false;
  ViewChoice choice_;  // the user's detector and class, or the defaults
  double lastUpdateMs_ = 0;
};

}  // namespace poisonlab::gui
