#pragma once
// The workbench window: docks, actions and wiring, nothing else. The open workbench's state is
// the Session (widgets/session.h); every job is started by Jobs (jobs.h) through the
// TaskManager; each view is a widget of its own over the session.

#include <QMainWindow>

#include <memory>

#include "core/attack/flip.h"
#include "core/attack/poison.h"
#include "core/data/dataset.h"

class QAction;
class QLabel;
class QMenu;
class QStackedWidget;
class QTabWidget;

namespace poisonlab::gui {

class ClusterView;
class LabelErrorView;
class ComparisonView;
class DetectorPanel;
class ExperimentPanel;
class FlipView;
class InfluenceView;
class Jobs;
class RunsView;
class SampleBrowser;
class SampleInspector;
class Session;
class SpectralView;
class StallMonitor;
class Task;
class TaskManager;
class TrainingView;
class UnlearnPanel;

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;

  /// Finds data (explicit path, $POISONLAB_DATA, user folder) and loads it with the default
  /// poison; without data, shows the page offering Download and Open.
  void startWithData(const QString& explicitPath);
  /// Loads a data set in the background and applies the experiment panel's poison.
  Task* openData(const QString& path);
  /// Opens a run folder (CLI or GUI made) in the background, with every result in it.
  Task* openRun(const QString& dir);
  Task* downloadData();
  /// Poisons the loaded data with the experiment panel's trigger and poison (a new run).
  Task* applyPoison();
  /// Trains the panel's model on the current poisoned data (see Jobs::train). Null when
  /// nothing can be trained (no data, invalid settings, a training job running).
  Task* startTraining();
  /// Computes FLIP's labels on the loaded data (Jobs::computeFlip) with the attack panel's
  /// trigger, source and target: FlipConfig::quick() or FLIP's full settings. The FLIP view
  /// shows the job; its runs join Runs (what if). Null without data.
  Task* startFlip(bool quick);
  /// The same with every setting given (into `dir`, or a new folder under runsFolder()).
  Task* startFlip(const FlipConfig& config, const QString& dir = {});
  /// The current model version's class probabilities for every training image.
  Task* predict();
  Task* saveRunAs(const QString& dir);
  /// Writes the run's report (HTML or PDF, by the extension) in the background.
  Task* exportReport(const QString& path);
  /// Adds every finished run of a what-if grid's table (grid-results.json, or a grid folder
  /// holding one) to the run comparison, in the background.
  Task* openGridTable(const QString& path);
  /// Shows a view by name (samples, spectral, clusters, influence, detectors, unlearning,
  /// runs); false for an unknown name.
  bool showView(const QString& name);
  static QString runsFolder();
  static QString newRunFolder();
  /// The longest GUI-thread stall (ms) measured during the last engine job (training,
  /// detection, unlearning).
  double lastTrainingStallMs() const { return lastStallMs_; }
  double lastJobStallMs() const { return lastStallMs_; }

  Session* session() const { return session_; }
  Jobs* jobs() const { return jobs_; }
  TaskManager* tasks() const { return tasks_; }
  SampleBrowser* browser() const { return browser_; }
  SampleInspector* inspector() const { return inspector_; }
  ExperimentPanel* experiment() const { return experiment_; }
  TrainingView* trainingView() const { return training_; }
  DetectorPanel* detectorPanel() const { return detectors_; }
  SpectralView* spectralView() const { return spectral_; }
  ClusterView* clusterView() const { return clusters_; }
  InfluenceView* influenceView() const { return influence_; }
  LabelErrorView* labelErrorView() const { return labelErrors_; }
  FlipView* flipView() const { return flip_; }
  ComparisonView* comparisonView() const { return comparison_; }
  UnlearnPanel* unlearnPanel() const { return unlearn_; }
  RunsView* runsView() const { return runs_; }
  QTabWidget* views() const { return views_; }
  std::shared_ptr<const PoisonedDataset> dataset() const;
  QString runFolder() const;

 protected:
  void closeEvent(QCloseEvent* event) override;
  void showEvent(QShowEvent* event) override;

 private:
  QWidget* buildWelcomePage();
  void buildViews();
  void buildDocks();
  void restoreLayout();  ///< the saved layout, or the first start's size
  void saveLayout();
  void buildActions();
  void wireSession();
  void wireJobs();
  void wireFlip();
  void watchStalls(Task* task);
  void showNoData(const QString& why);
  void reportFailure(Task* task, const QString& what);
  void updateStatus();
  void showCurrentSample();
  void summariseRun(const QString& dir);
  void chooseAndOpenData();
  void chooseAndOpenDataFolder();
  void chooseAndOpenRun();
  void chooseAndSaveRunAs();
  void chooseAndExportSamples();
  void chooseAndExportSelection();
  void chooseAndExportPlots();
  void chooseAndExportReport();
  void startWhatIf();
  void newRun();
  void rememberRun(const QString& dir);
  void fillRecentMenu();

  Session* session_;
  TaskManager* tasks_;
  Jobs* jobs_;
  StallMonitor* stall_;
  int stallWatched_ = 0;
  ExperimentPanel* experiment_ = nullptr;
  TrainingView* training_ = nullptr;
  DetectorPanel* detectors_ = nullptr;
  SpectralView* spectral_ = nullptr;
  ClusterView* clusters_ = nullptr;
  InfluenceView* influence_ = nullptr;
  LabelErrorView* labelErrors_ = nullptr;
  FlipView* flip_ = nullptr;
  ComparisonView* comparison_ = nullptr;
  UnlearnPanel* unlearn_ = nullptr;
  RunsView* runs_ = nullptr;
  QTabWidget* views_ = nullptr;
  QMenu* recentMenu_ = nullptr;
  QList<QAction*> dataActions_;  // enabled once a data set is loaded
  QAction* trainAction_ = nullptr;
  QAction* poisonAction_ = nullptr;  // disabled while training (its data must stay)
  double lastStallMs_ = -1;
  bool defaultDockSizes_ = true;
  QStackedWidget* pages_;
  SampleBrowser* browser_;
  SampleInspector* inspector_;
  QLabel* noDataText_;
  QLabel* dataStatus_;
  QLabel* runStatus_;
  QLabel* jobStatus_;
};

}  // namespace poisonlab::gui
