#pragma once
// The training's plots, as the Training view shows them and the report prints them: loss and
// learning rate, accuracies (train, clean, ASR stamped and mirrored, poisons fitted) and
// throughput per epoch, and the confusion matrices of the clean and the triggered test set.

#include <QCoreApplication>
#include <QStringList>

#include "core/train/training.h"

class QCustomPlot;
class QWidget;

namespace poisonlab::gui {

class TrainingPlots {
  // The Training view's words: translated under its name.
  Q_DECLARE_TR_FUNCTIONS(poisonlab::gui::TrainingView)

 public:
  /// Makes the five plots as children of `parent` (whoever shows them lays them out).
  explicit TrainingPlots(QWidget* parent);

  /// Empties every plot.
  void clear();
  /// Empty plots for a run of `epochs` epochs over these classes.
  void start(const QStringList& classNames, int epochs);
  /// A smoothed training-loss point at fractional epoch `x` (live, between epoch points).
  void addBatchLoss(double x, double loss);
  void addEpoch(const EpochStats& epoch);
  /// The run's confusion matrices.
  void finish(const TrainResult& result);
  /// A finished run at once: its curves and confusion matrices.
  void showResult(const QStringList& classNames, const TrainResult& result);
  /// Epoch points drawn so far.
  int epochPoints() const;

  QCustomPlot* loss() const { return loss_; }
  QCustomPlot* accuracy() const { return accuracy_; }
  QCustomPlot* speed() const { return speed_; }
  QCustomPlot* confusion(bool triggered) const { return triggered ? confTrig_ : confClean_; }

 private:
  void rescale();

  QCustomPlot* loss_;
  QCustomPlot* accuracy_;
  QCustomPlot* speed_;
  QCustomPlot* confClean_;
  QCustomPlot* confTrig_;
  QStringList classNames_;
  int epochs_ = 0;
};

}  // namespace poisonlab::gui
