#pragma once
// The workbench window: sample grid in the middle, inspector and jobs in docks, data and run
// state in the status bar. All engine work runs as tasks; this class only wires things up.

#include <QMainWindow>

#include <memory>

#include "core/dataset.h"
#include "core/poison.h"

class QLabel;
class QStackedWidget;
class QDockWidget;

namespace poisonlab::gui {

class SampleBrowser;
class SampleInspector;
class TaskManager;
class Task;

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

  TaskManager* tasks() const { return tasks_; }
  SampleBrowser* browser() const { return browser_; }
  SampleInspector* inspector() const { return inspector_; }
  std::shared_ptr<const PoisonedDataset> dataset() const { return poisoned_; }
  QString runFolder() const { return runDir_; }

 protected:
  void closeEvent(QCloseEvent* event) override;

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

  TaskManager* tasks_;
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
