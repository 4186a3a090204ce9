#pragma once
// Training as it happens: the figures a researcher quotes (clean accuracy, attack success rate,
// time) in large type, live curves (loss and learning rate, accuracies and the fraction of
// poisons fitted, images/s), and the final confusion matrices for clean and triggered inputs
// (the plots are plot/training_plots.h's). Fed from the GUI thread; a finished run
// (metrics.json) is shown the same way.

#include <QStringList>
#include <QWidget>

#include <memory>

#include "core/train/training.h"

class QCustomPlot;
class QLabel;
class QTabWidget;

namespace poisonlab::gui {

class TrainingPlots;

class TrainingView : public QWidget {
  Q_OBJECT
 public:
  explicit TrainingView(QWidget* parent = nullptr);
  ~TrainingView() override;

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

  QCustomPlot* lossPlot() const;
  QCustomPlot* accuracyPlot() const;
  QCustomPlot* speedPlot() const;
  QCustomPlot* confusionPlot(bool triggered) const;
  /// Epoch points received so far.
  int epochPoints() const;

 private:
  void setHeadline(double cleanAcc, double asr, double asrMirrored, double seconds, bool final);

  QLabel* clean_;
  QLabel* asr_;
  QLabel* asrMirrored_;
  QLabel* time_;
  QLabel* detail_;
  QTabWidget* tabs_;
  std::unique_ptr<TrainingPlots> plots_;
  int epochs_ = 0;
};

}  // namespace poisonlab::gui
