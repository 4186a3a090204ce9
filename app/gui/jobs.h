#pragma once
// Every job the workbench starts, in one place: each goes through the TaskManager (the
// engine's jobs one at a time on its Engine lane, so several detectors queue), reports
// progress and live results through its Task, and fills the Session when it succeeds. The
// run-folder policy (where unsaved runs are kept, when training needs a new folder) lives here.

#include <QObject>
#include <QString>

#include <functional>
#include <memory>

#include "core/attack/flip.h"
#include "core/attack/label_file.h"
#include "core/attack/poison.h"
#include "core/detect/detect.h"
#include "core/train/saliency.h"
#include "core/train/training.h"
#include "core/unlearn/unlearn.h"

namespace poisonlab::gui {

class Session;
class Task;
class TaskManager;

/// A point of the live training curves (what the Training view plots while a job runs).
struct TrainLive {
  BatchStats batch;
  double x = 0;        ///< epochs done, fractional
  double loss = 0;     ///< mean loss since the last point
  double elapsed = 0;  ///< seconds since the job started
};

/// What a FLIP job posts while it runs: a batch (throttled), an expert done or a pass done.
struct FlipLive {
  FlipProgress progress;
  int expertDone = 0;  ///< 1-based; 0: none with this post
  double cta = 0, pta = 0;
  int passDone = 0;  ///< 1-based; 0: none with this post
  double passMean = 0;
};

class Jobs : public QObject {
  Q_OBJECT
 public:
  Jobs(Session* session, TaskManager* tasks, QObject* parent = nullptr);

  TaskManager* tasks() const { return tasks_; }

  /// Loads a data set and applies `trigger` and `spec` (at 1 % when the count does not fit).
  Task* openData(const QString& path, const TriggerSpec& trigger, const PoisonSpec& spec);
  /// Opens a run folder with everything in it: data, model, training curves, detector results
  /// and unlearning results (each a model version).
  Task* openRun(const QString& dir);
  /// Downloads the official CIFAR-10 release into the user data folder; opens it afterwards.
  Task* download(const TriggerSpec& trigger, const PoisonSpec& spec);
  /// Poisons the loaded clean data (a new, unsaved run). Null while a training job runs.
  Task* applyPoison(const TriggerSpec& trigger, const PoisonSpec& spec);
  /// Reads a label file (label-only poisoning) onto the loaded clean data; `done` gets the
  /// labels, or null and the error. Null without data.
  Task* importLabels(const QString& file, const QString& order,
                     std::function<void(std::shared_ptr<const LabelPoison>, QString)> done);
  /// Computes FLIP's labels on the loaded clean data (core/attack/flip.h) into `dir` (a new
  /// folder under runsFolder() when empty): label files and a label-only run per budget
  /// (flipFinished names them). Posts FlipLive. Null without data.
  Task* computeFlip(const FlipConfig& config, const QString& dir = {});
  /// Trains on the session's data into its run folder, or a new one under runsFolder() when
  /// the run is unsaved or already has a model. Posts TrainLive and EpochStats live. Null when
  /// nothing can be trained (no data, a training job running).
  Task* train(const TrainConfig& config);
  bool training() const { return trainTask_ != nullptr; }
  /// The current model version's class probabilities for every training image.
  Task* predict();
  /// Runs a detector on the run's original model; the result is written to RUN/detect/ and
  /// added to the session. Null without a trained model.
  Task* detect(const DetectRequest& request);
  /// Unlearns from the original model; the result becomes a new, current model version.
  Task* unlearn(const UnlearnRequest& request);
  /// The same with the forget set resolved from a spec on the worker ("ground-truth",
  /// "ground-truth:F", "detector:NAME", a CSV path; see resolveForgetSet).
  Task* unlearn(UnlearnRequest request, const QString& forgetSpec);
  /// The corrective sweep (every method at every forget fraction), each row a model version.
  Task* sweep(const std::vector<double>& fractions, const std::vector<UnlearnMethod>& methods,
              const UnlearnRequest& base);
  /// The full evaluation (per-class accuracy, confusion matrices) of version `index`.
  Task* evaluate(int index);
  /// Saliency of image `index` of `split` (0 training, 1 clean test, 2 triggered test) under
  /// the current model version (saliencyReady).
  Task* saliency(int index, SaliencyMethod method, int split = 0);
  /// Writes the run to `dir` (a new or empty folder, not inside the run's own).
  Task* saveRunAs(const QString& dir);
  /// Draws the report of the session's run (here: the views are widgets) and writes it to
  /// `path` in the background (HTML or PDF by the extension). Null without data.
  Task* exportReport(const QString& path);

  /// Where runs that were never saved are kept (QSettings "runs/folder").
  static QString runsFolder();
  /// Creates and returns a new, empty run folder under runsFolder(), named by the time.
  static QString newRunFolder();
  /// The path of the run's original model (empty without a run).
  QString originalModelPath() const;

 signals:
  void failed(poisonlab::gui::Task* task, const QString& what);
  void message(const QString& text);
  /// Loading, downloading or opening did not give data (the window shows `why`).
  void noData(const QString& why);
  void trainingStarted(poisonlab::gui::Task* task, int epochs);
  void trainingFinished(poisonlab::gui::Task* task, const QString& dir);
  void saliencyReady(int index, int split, const poisonlab::SaliencyMap& map);
  void runOpened(const QString& dir, const poisonlab::TrainConfig& config, bool hasConfig);
  /// A FLIP job ended well: its folder, the runs it made and a summary of what it wrote.
  void flipFinished(poisonlab::gui::Task* task, const QString& dir, const QStringList& runs,
                    const QString& summary);

 private:
  void finishOnSuccess(Task* task, const QString& failure, std::function<void()> done);
  Session* session_;
  TaskManager* tasks_;
  Task* trainTask_ = nullptr;
};

}  // namespace poisonlab::gui
