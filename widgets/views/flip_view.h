#pragma once
// FLIP's label computation, watched while it runs: the matching loss of every batch of the
// label passes (and each pass's mean) as a live curve, the experts' progress and accuracy
// above it, and, when the job ends, what it wrote (one label file and one label-only run per
// budget; the runs join the comparison in Runs).

#include <QWidget>

class QCustomPlot;
class QLabel;

namespace poisonlab::gui {

class FlipView : public QWidget {
  Q_OBJECT
 public:
  explicit FlipView(QWidget* parent = nullptr);
  /// A new job: `passes` label passes after `experts` experts of `epochs` epochs each.
  void start(int experts, int epochs, int passes);
  /// An expert's training batch (its epoch, the fraction of it done, its loss).
  void setExpertProgress(int expert, int epoch, double loss);
  /// An expert is trained: its clean accuracy and PTA (near 100 % for a dirty-label expert).
  void setExpertDone(int expert, double cta, double pta);
  /// A label batch: x = passes done, fractional; its matching loss.
  void addBatch(double x, double loss);
  /// A pass ended with this mean matching loss.
  void addPass(int pass, double meanLoss);
  /// The job ended: what it wrote, or why not.
  void finish(const QString& summary);

  QCustomPlot* plot() const { return plot_; }
  QString statusText() const;
  QString summaryText() const;
  int batchPoints() const;
  int passPoints() const;

 private:
  QCustomPlot* plot_;
  QLabel* status_;
  QLabel* summary_;
  int experts_ = 0, epochs_ = 0, passes_ = 0;
};

}  // namespace poisonlab::gui
