#pragma once
// The workbench window: sample grid in the middle, inspector and jobs in docks, data and run
// state in the status bar. All engine work runs as tasks; this class only wires things up.

#include <QMainWindow>

#include <memory>

#include "core/data/dataset.h"
#include "core/attack/poison.h"
#include "core/train/training.h"

class QAction;
class QLabel;
class QMenu;
class QStackedWidget;
class QDockWidget;

namespace poisonlab::gui {

class ExperimentPanel;
class SampleBrowser;
class SampleInspector;
class StallMonitor;
class TaskManager;
class Task;
class TrainingView;

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;

  /// Finds data (explicit path, $POISONLAB_DATA, user folder) and loads it with the default
  /// poison; without data, shows the page offering Download and Open.
  void startWithData(const QString& explicitPath);
  /// Loads a data set in the background and applies the default poison.
  Task* openData(const QString& path);
  /// Opens a run folder (CLI or GUI made) in the background.
  Task* openRun(const QString& dir);
  /// Downloads the official CIFAR-10 release into the user data folder, then opens it.
  Task* downloadData();
  /// Poisons the loaded data with the experiment panel's trigger and poison (a new, unsaved
  /// run).
  Task* applyPoison();
  /// Trains the panel's model on the current poisoned data in the background, into the
  /// current run folder, or a new one under runsFolder() when the run is unsaved or already
  /// has a model. Null when nothing can be trained (no data, invalid settings, a training job
  /// running).
  Task* startTraining();
  /// Computes the current model's class probabilities for every training image.
  Task* predict();
  /// Writes the run to `dir` (a new or empty folder): experiment.json and poison.csv, and
  /// everything the current run folder holds (model, metrics, detector and unlearning results).
  Task* saveRunAs(const QString& dir);
  /// Where runs that were never saved are kept (QSettings "runs/folder").
  static QString runsFolder();
  /// Creates and returns a new, empty run folder under runsFolder(), named by the time.
  static QString newRunFolder();
  /// The longest GUI-thread stall (ms) measured during the last training job.
  double lastTrainingStallMs() const { return lastStallMs_; }

  TaskManager* tasks() const { return tasks_; }
  SampleBrowser* browser() const { return browser_; }
  SampleInspector* inspector() const { return inspector_; }
  ExperimentPanel* experiment() const { return experiment_; }
  TrainingView* trainingView() const { return training_; }
  std::shared_ptr<const PoisonedDataset> dataset() const { return poisoned_; }
  QString runFolder() const { return runDir_; }

 protected:
  void closeEvent(QCloseEvent* event) override;
  void showEvent(QShowEvent* event) override;

 private:
  void buildActions();
  void buildDocks();
  void showDataset(std::shared_ptr<const PoisonedDataset> data, const QString& runDir);
  void showNoData(const QString& why);
  void reportFailure(Task* task, const QString& what);
  void updateStatus();
  void chooseAndOpenData();
  void chooseAndOpenDataFolder();
  void chooseAndOpenRun();
  void chooseAndSaveRunAs();
  void chooseAndExportSamples();
  void chooseAndExportPlots();
  void newRun();
  void rememberRun(const QString& dir);
  void fillRecentMenu();
  void showRunResults(const QString& dir);

  TaskManager* tasks_;
  ExperimentPanel* experiment_;
  TrainingView* training_;
  StallMonitor* stall_;
  QMenu* recentMenu_ = nullptr;
  QList<QAction*> dataActions_;  // enabled once a data set is loaded
  QAction* trainAction_ = nullptr;
  Task* trainTask_ = nullptr;
  double lastStallMs_ = -1;
  bool defaultDockSizes_ = true;
  QStackedWidget* pages_;
  SampleBrowser* browser_;
  SampleInspector* inspector_;
  QLabel* noDataText_;
  QLabel* dataStatus_;
  QLabel* runStatus_;
  QLabel* jobStatus_;
  std::shared_ptr<const Dataset> data_;  // clean data, reused when a run on it is opened
  std::shared_ptr<const PoisonedDataset> poisoned_;
  QString runDir_;
};

}  // namespace poisonlab::gui
