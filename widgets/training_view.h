#pragma once
// Training as it happens: the figures a researcher quotes (clean accuracy, attack success rate,
// time) in large type, live curves (loss and learning rate, accuracies and the fraction of
// poisons fitted, images/s), and the final confusion matrices for clean and triggered inputs.
// Fed from the GUI thread; a finished run (metrics.json) is shown the same way.

#include <QStringList>
#include <QWidget>

#include "core/train/training.h"

class QCustomPlot;
class QLabel;
class QTabWidget;

namespace poisonlab::gui {

class TrainingView : public QWidget {
  Q_OBJECT
 public:
  explicit TrainingView(QWidget* parent = nullptr);

  /// Clears everything and gets ready for a run of `epochs` epochs.
  void start(const QStringList& classNames, int epochs);
  /// A smoothed training-loss point at fractional epoch `x` (live, between epoch points).
  void addBatchLoss(double x, double loss);
  /// Shows the learning rate and throughput while an epoch is under way.
  void setLive(const BatchStats& stats, double elapsedSeconds);
  void addEpoch(const EpochStats& epoch);
  /// The run finished: final figures and confusion matrices.
  void finish(const TrainResult& result);
  /// Shows a finished run read from its metrics.json.
  void showResult(const QStringList& classNames, const TrainResult& result);
  void clear();

  QCustomPlot* lossPlot() const { return loss_; }
  QCustomPlot* accuracyPlot() const { return accuracy_; }
  QCustomPlot* speedPlot() const { return speed_; }
  QCustomPlot* confusionPlot(bool triggered) const { return triggered ? confTrig_ : confClean_; }
  /// Epoch points received so far.
  int epochPoints() const;

 private:
  void setHeadline(double cleanAcc, double asr, double asrMirrored, double seconds, bool final);
  void showConfusion(QCustomPlot* plot, const std::vector<std::vector<int>>& counts,
                     const QString& title);
  void rescale();

  QLabel* clean_;
  QLabel* asr_;
  QLabel* asrMirrored_;
  QLabel* time_;
  QLabel* detail_;
  QTabWidget* tabs_;
  QCustomPlot* loss_;
  QCustomPlot* accuracy_;
  QCustomPlot* speed_;
  QCustomPlot* confClean_;
  QCustomPlot* confTrig_;
  QStringList classNames_;
  int epochs_ = 0;
};

}  // namespace poisonlab::gui
