#include "state/ui_describe.h"
#include "main_window.h"

#include <QPointer>
#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>

#include "views/cluster_view.h"
#include "views/comparison_view.h"
#include "core/data/data_location.h"
#include "core/run/grid.h"
#include "core/util/error.h"
#include "panels/detector_panel.h"
#include "panels/experiment_panel.h"
#include "views/influence_view.h"
#include "views/flip_view.h"
#include "views/label_error_view.h"
#include "jobs.h"
#include "plot/plot_export.h"
#include "qcustomplot.h"
#include "views/runs_view.h"
#include "views/sample_browser.h"
#include "views/sample_inspector.h"
#include "state/sample_model.h"
#include "state/session.h"
#include "views/spectral_view.h"
#include "state/stall_monitor.h"
#include "state/task_manager.h"
#include "views/training_view.h"
#include "panels/unlearn_panel.h"

// The icons are compiled into the (static) workbench library; Q_INIT_RESOURCE must be called
// outside any namespace.
static void initWorkbenchResources() { Q_INIT_RESOURCE(resources); }

namespace poisonlab::gui {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
  initWorkbenchResources();
  setObjectName(QStringLiteral("mainWindow"));
  setWindowTitle(tr("PoisonLab"));
  session_ = new Session(this);
  tasks_ = new TaskManager(this);
  jobs_ = new Jobs(session_, tasks_, this);
  stall_ = new StallMonitor(this);

  pages_ = new QStackedWidget(this);
  pages_->addWidget(buildWelcomePage());
  buildViews();
  pages_->addWidget(views_);
  setCentralWidget(pages_);

  buildDocks();
  buildActions();

  dataStatus_ = new QLabel(tr("No data"), this);
  dataStatus_->setTextFormat(Qt::PlainText);  // plain: it may show the user's names and paths
  runStatus_ = new QLabel(this);
  runStatus_->setTextFormat(Qt::PlainText);  // plain: it may show the user's names and paths
  jobStatus_ = new QLabel(tr("Idle"), this);
  jobStatus_->setTextFormat(Qt::PlainText);  // plain: it may show the user's names and paths
  statusBar()->addWidget(dataStatus_, 1);
  statusBar()->addWidget(runStatus_);
  statusBar()->addPermanentWidget(jobStatus_);
  connect(tasks_, &TaskManager::activeCountChanged, this, [this] { updateStatus(); });
  connect(tasks_, &TaskManager::taskStarted, this, [this](Task* t) {
    connect(t, &Task::progressChanged, this, [this] { updateStatus(); });
  });
  wireSession();
  wireJobs();
  wireFlip();

  restoreLayout();
  showNoData(tr("Looking for data…"));
}

MainWindow::~MainWindow() = default;

QWidget* MainWindow::buildWelcomePage() {
  // No data yet, with the ways to get some.
  auto* welcome = new QWidget(pages_);
  welcome->setObjectName(QStringLiteral("noDataPage"));
  noDataText_ = new QLabel(welcome);
  noDataText_->setTextFormat(Qt::PlainText);  // plain: it may show the user's names and paths
  noDataText_->setWordWrap(true);
  noDataText_->setAlignment(Qt::AlignCenter);
  noDataText_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  auto* download = new QPushButton(tr("Download CIFAR-10 (163 MB)"), welcome);
  download->setObjectName(QStringLiteral("downloadButton"));
  auto* open = new QPushButton(tr("Open archive…"), welcome);
  open->setObjectName(QStringLiteral("openDataButton"));
  auto* openFolder = new QPushButton(tr("Open folder…"), welcome);
  openFolder->setObjectName(QStringLiteral("openFolderButton"));
  connect(openFolder, &QPushButton::clicked, this, &MainWindow::chooseAndOpenDataFolder);
  connect(download, &QPushButton::clicked, this, [this] { downloadData(); });
  connect(open, &QPushButton::clicked, this, &MainWindow::chooseAndOpenData);
  auto* buttons = new QHBoxLayout;
  buttons->addStretch(1);
  buttons->addWidget(download);
  buttons->addWidget(open);
  buttons->addWidget(openFolder);
  buttons->addStretch(1);
  auto* wl = new QVBoxLayout(welcome);
  wl->addStretch(1);
  wl->addWidget(noDataText_);
  wl->addLayout(buttons);
  wl->addStretch(2);
  return welcome;
}

void MainWindow::buildViews() {
  views_ = new QTabWidget(pages_);
  views_->setObjectName(QStringLiteral("views"));
  browser_ = new SampleBrowser(views_);
  browser_->setSession(session_);
  spectral_ = new SpectralView(session_, views_);
  clusters_ = new ClusterView(session_, views_);
  influence_ = new InfluenceView(session_, views_);
  labelErrors_ = new LabelErrorView(session_, views_);
  comparison_ = new ComparisonView(session_, views_);
  unlearn_ = new UnlearnPanel(session_, views_);
  runs_ = new RunsView(views_);
  views_->addTab(browser_, tr("Samples"));
  views_->addTab(spectral_, tr("Spectral"));
  views_->addTab(clusters_, tr("Clusters"));
  views_->addTab(influence_, tr("Influence"));
  views_->addTab(labelErrors_, tr("Label errors"));
  views_->addTab(comparison_, tr("Detectors compared"));
  views_->addTab(unlearn_, tr("Unlearning"));
  views_->addTab(runs_, tr("Runs (what if)"));
  flip_ = new FlipView(views_);
  views_->addTab(flip_, tr("FLIP"));
}

void MainWindow::wireSession() {
  connect(session_, &Session::dataChanged, this, [this] {
    auto data = session_->data();
    experiment_->setDataset(data);
    training_->clear();
    inspector_->setTrigger(data ? std::optional<TriggerSpec>(data->trigger) : std::nullopt);
    inspector_->showSample({});
    if (data) pages_->setCurrentWidget(views_);
    if (data && !data->poisonedIndices.empty())
      browser_->selectSample(static_cast<int>(data->poisonedIndices.front()));
    updateStatus();
  });
  connect(session_, &Session::runDirChanged, this, [this](const QString& dir) {
    if (!dir.isEmpty()) rememberRun(dir);
    updateStatus();
  });
  connect(session_, &Session::trainResultChanged, this, [this] {
    // A training job in the window shows its own finish; this is for opened runs.
    if (jobs_->training() || property("trainingShown").toBool()) return;
    if (const auto& r = session_->trainResult()) training_->showResult(session_->classNames(), *r);
    if (!session_->runDir().isEmpty()) summariseRun(session_->runDir());
  });
  connect(session_, &Session::currentVersionChanged, this, [this] {
    jobs_->predict();
    // The saliency and predictions shown are the current version's.
    const int method = inspector_->saliencyMethod();
    const int index = inspector_->shownIndex();
    if (method >= 0 && index >= 0)
      jobs_->saliency(index, static_cast<SaliencyMethod>(method), inspector_->shownSplit());
    updateStatus();
  });
  connect(session_, &Session::predictionsChanged, this, &MainWindow::showCurrentSample);
  connect(session_, &Session::detectionsChanged, this, &MainWindow::showCurrentSample);
  connect(session_->selection(), &SampleSelection::currentChanged, this,
          &MainWindow::showCurrentSample);
  connect(browser_, &SampleBrowser::currentSampleChanged, inspector_, &SampleInspector::showSample);
  // Double-click or Enter on a sample brings the Inspector forward: its tab in the narrow
  // layout, or the dock itself if it was closed.
  connect(browser_, &SampleBrowser::sampleActivated, this, [this] {
    if (auto* dock = findChild<QDockWidget*>(QStringLiteral("inspectorDock"))) {
      dock->show();
      dock->raise();
    }
  });
  connect(inspector_, &SampleInspector::stepRequested, browser_, &SampleBrowser::step);
}

void MainWindow::showCurrentSample() {
  const int i = session_->selection()->current();
  if (i < 0 || !session_->data() || i >= browser_->model()->rowCount()) return;
  inspector_->showSample(browser_->model()->index(i, 0));
  QVector<SampleInspector::Score> scores;
  for (const auto& s : session_->scoresOf(i)) scores.append({s.detector, s.score, s.flagged});
  inspector_->setScores(scores);
}

void MainWindow::wireJobs() {
  connect(jobs_, &Jobs::failed, this, &MainWindow::reportFailure);
  connect(jobs_, &Jobs::message, this,
          [this](const QString& m) { statusBar()->showMessage(m, 15000); });
  connect(jobs_, &Jobs::noData, this, [this](const QString& why) {
    if (!session_->hasData()) showNoData(why);
  });
  connect(jobs_, &Jobs::runOpened, this,
          [this](const QString&, const TrainConfig& config, bool hasConfig) {
            if (hasConfig) experiment_->setTraining(config);
          });
  connect(jobs_, &Jobs::trainingStarted, this, [this](Task* task, int epochs) {
    setProperty("trainingShown", true);
    training_->start(session_->classNames(), epochs);
    experiment_->setTrainingRunning(true);
    onLive<TrainLive>(task, training_, [this](const TrainLive& l) {
      training_->addBatchLoss(l.x, l.loss);
      training_->setLive(l.batch, l.elapsed);
    });
    onLive<EpochStats>(task, training_, [this](const EpochStats& e) { training_->addEpoch(e); });
    watchStalls(task);
    updateStatus();
  });
  connect(jobs_, &Jobs::trainingFinished, this, [this](Task* task, const QString& dir) {
    setProperty("trainingShown", false);
    experiment_->setTrainingRunning(false);
    updateStatus();
    if (task->state() == Task::State::Succeeded && session_->trainResult() &&
        session_->runDir() == dir) {
      training_->finish(*session_->trainResult());
      statusBar()->showMessage(tr("Training finished; the GUI thread's longest stall was %1 ms")
                                   .arg(lastStallMs_, 0, 'f', 1),
                               15000);
      summariseRun(dir);
    } else if (task->state() == Task::State::Cancelled) {
      statusBar()->showMessage(
          tr("Training cancelled; the last finished epoch is kept in %1").arg(dir), 15000);
    }
  });
  connect(jobs_, &Jobs::saliencyReady, inspector_, &SampleInspector::setSaliency);
  connect(inspector_, &SampleInspector::saliencyRequested, this,
          [this](int index, int method, int split) {
            jobs_->saliency(index, static_cast<SaliencyMethod>(method), split);
          });
  // A test image chosen in the grid is the Influence view's test point.
  connect(browser_, &SampleBrowser::testSampleChosen, influence_, &InfluenceView::setTestPoint);

  auto detect = [this](const DetectRequest& r) {
    Task* t = jobs_->detect(r);
    if (!t) {
      statusBar()->showMessage(tr("Train or open a run with a model first"), 8000);
      return t;
    }
    watchStalls(t);
    return t;
  };
  connect(detectors_, &DetectorPanel::runRequested, this, detect);
  connect(detectors_, &DetectorPanel::showRequested, this, [this](const QString& name) {
    auto d = session_->detection(name);
    if (!d) return;
    browser_->showDetector(name);
    if (d->method == "spectral") {
      spectral_->setDetector(name);
      views_->setCurrentWidget(spectral_);
    } else if (d->method == "activation-clustering") {
      clusters_->setDetector(name);
      views_->setCurrentWidget(clusters_);
    } else if (d->method == "confident-learning") {
      labelErrors_->setDetector(name);
      views_->setCurrentWidget(labelErrors_);
    } else {
      influence_->setResult(name);
      views_->setCurrentWidget(influence_);
    }
  });
  connect(influence_, &InfluenceView::runRequested, this, [this, detect](const DetectRequest& r) {
    if (Task* t = detect(r))
      connect(t, &Task::finished, this,
              [this, name = QString::fromStdString(detectionName(r))](Task::State s) {
                if (s == Task::State::Succeeded) influence_->setResult(name);
              });
  });
  connect(unlearn_, &UnlearnPanel::unlearnRequested, this,
          [this](const UnlearnRequest& r, const QString& spec) {
            if (spec.isEmpty() && r.forget.indices.empty()) {
              statusBar()->showMessage(tr("The selection is empty: select samples to forget "
                                          "first (a lasso in Clusters, a bin in Spectral, the "
                                          "grid)"),
                                       10000);
              return;
            }
            if (Task* t = jobs_->unlearn(r, spec)) watchStalls(t);
          });
  connect(unlearn_, &UnlearnPanel::sweepRequested, this,
          [this](const std::vector<double>& f, const std::vector<UnlearnMethod>& m,
                 const UnlearnRequest& base) {
            if (Task* t = jobs_->sweep(f, m, base)) watchStalls(t);
          });
  connect(unlearn_, &UnlearnPanel::evaluateRequested, this, [this](int i) { jobs_->evaluate(i); });
  connect(runs_, &RunsView::whatIfRequested, this, &MainWindow::startWhatIf);
  connect(runs_, &RunsView::openRequested, this, [this](const QString& dir) { openRun(dir); });
  connect(runs_, &RunsView::openGridRequested, this, [this] {
    const QString file =
        QFileDialog::getOpenFileName(this, tr("Open a grid's results table"), QString(),
                                     tr("Grid results (grid-results.json);;JSON (*.json)"));
    if (!file.isEmpty()) openGridTable(file);
  });
  connect(runs_, &RunsView::addRequested, this, [this] {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Add a run to the comparison"));
    if (!dir.isEmpty()) summariseRun(dir);
  });
  connect(experiment_, &ExperimentPanel::openDataRequested, this, &MainWindow::chooseAndOpenData);
  connect(experiment_, &ExperimentPanel::openDataFolderRequested, this,
          &MainWindow::chooseAndOpenDataFolder);
  connect(experiment_, &ExperimentPanel::downloadRequested, this, [this] { downloadData(); });
  connect(experiment_, &ExperimentPanel::applyPoisonRequested, this, [this] { applyPoison(); });
  connect(experiment_, &ExperimentPanel::trainRequested, this, [this] { startTraining(); });
  connect(experiment_, &ExperimentPanel::labelImportRequested, this,
          [this](const QString& file, const QString& order) {
            Task* t =
                jobs_->importLabels(file, order,
                                    [panel = QPointer<ExperimentPanel>(experiment_)](
                                        std::shared_ptr<const LabelPoison> labels, QString error) {
                                      if (!panel) return;
                                      if (labels)
                                        panel->setLabelImport(std::move(labels));
                                      else
                                        panel->setLabelImportError(error);
                                    });
            if (!t) experiment_->setLabelImportError(tr("Open a data set first"));
          });
}

void MainWindow::watchStalls(Task* task) {
  // The GUI thread's longest stall while engine jobs run (the goal: under 50 ms).
  if (stallWatched_++ == 0) stall_->start();
  connect(task, &Task::finished, this, [this] {
    if (--stallWatched_ > 0) return;
    stall_->stop();
    lastStallMs_ = stall_->maxStallMs();
  });
}

void MainWindow::summariseRun(const QString& dir) {
  auto summary = std::make_shared<RunSummary>();
  Task* t = tasks_->start(tr("Read run %1").arg(QFileInfo(dir).fileName()),
                          [dir, summary](TaskContext&) { *summary = readRunSummary(dir); });
  connect(t, &Task::finished, this, [this, t, summary](Task::State s) {
    if (s == Task::State::Succeeded)
      runs_->addRun(*summary);
    else if (s == Task::State::Failed)
      reportFailure(t, tr("Could not read the run"));
  });
}

Task* MainWindow::openGridTable(const QString& path) {
  QString file = path;
  if (QFileInfo(path).isDir())
    file = QString::fromStdString(gridResultsJsonPath(path.toStdString()));
  auto summaries = std::make_shared<std::vector<RunSummary>>();
  Task* t = tasks_->start(
      tr("Read grid %1").arg(QFileInfo(file).dir().dirName()), [file, summaries](TaskContext& ctx) {
        const auto dirs = gridResultRuns(file.toStdString());
        for (std::size_t i = 0; i < dirs.size(); ++i) {
          ctx.cancelToken().throwIfCancelled();
          summaries->push_back(readRunSummary(QString::fromStdString(dirs[i])));
          ctx.progressFn()(double(i + 1) / double(dirs.size()), "read " + dirs[i]);
        }
      });
  connect(t, &Task::finished, this, [this, t, summaries](Task::State s) {
    if (s == Task::State::Succeeded) {
      for (const auto& r : *summaries) runs_->addRun(r);
      showView(QStringLiteral("runs"));
    } else if (s == Task::State::Failed) {
      reportFailure(t, tr("Could not read the grid table"));
    }
  });
  return t;
}

void MainWindow::startWhatIf() {
  auto data = session_->data();
  if (!data) return;
  auto* dialog =
      new WhatIfDialog(data->trigger, data->spec, experiment_->training(), *data->clean, this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  connect(dialog, &QDialog::accepted, this, [this, dialog] {
    experiment_->setTrigger(dialog->trigger());
    experiment_->setPoison(dialog->poison());
    experiment_->setTraining(dialog->config());
    statusBar()->showMessage(tr("What if: %1").arg(dialog->changeText()), 15000);
    Task* poison = jobs_->applyPoison(dialog->trigger(), dialog->poison());
    if (!poison) {
      statusBar()->showMessage(tr("A training job is running: start the what-if run when it is "
                                  "done"),
                               10000);
      return;
    }
    connect(poison, &Task::finished, this, [this](Task::State s) {
      if (s == Task::State::Succeeded) startTraining();
    });
    views_->setCurrentWidget(runs_);
  });
  dialog->open();
}

void MainWindow::startWithData(const QString& explicitPath) {
  try {
    const auto loc = resolveDataLocation(explicitPath.toStdString());
    if (!loc) {
      showNoData(tr("No CIFAR-10 data found.\n\nDownload the official release (163 MB) into %1,\n"
                    "or open a folder or archive you already have.")
                     .arg(QString::fromStdString(userDataDir())));
      return;
    }
    openData(QString::fromStdString(loc->path));
  } catch (const std::exception& e) {
    showNoData(QString::fromStdString(e.what()));
  }
}

Task* MainWindow::openData(const QString& path) {
  dataStatus_->setText(tr("Loading %1…").arg(path));
  return jobs_->openData(path, experiment_->trigger(), experiment_->poison());
}

Task* MainWindow::openRun(const QString& dir) { return jobs_->openRun(dir); }

Task* MainWindow::downloadData() {
  return jobs_->download(experiment_->trigger(), experiment_->poison());
}

Task* MainWindow::applyPoison() {
  return jobs_->applyPoison(experiment_->trigger(), experiment_->poison());
}

Task* MainWindow::startTraining() {
  if (!experiment_->problem().isEmpty()) return nullptr;
  return jobs_->train(experiment_->training());
}

Task* MainWindow::predict() { return jobs_->predict(); }

Task* MainWindow::saveRunAs(const QString& dir) { return jobs_->saveRunAs(dir); }

Task* MainWindow::exportReport(const QString& path) { return jobs_->exportReport(path); }

bool MainWindow::showView(const QString& name) {
  const QStringList names{
      QStringLiteral("samples"),    QStringLiteral("spectral"),     QStringLiteral("clusters"),
      QStringLiteral("influence"),  QStringLiteral("label-errors"), QStringLiteral("detectors"),
      QStringLiteral("unlearning"), QStringLiteral("runs"),         QStringLiteral("flip")};
  const int at = names.indexOf(name.toLower());
  if (at < 0) return false;
  views_->setCurrentIndex(at);
  return true;
}

QString MainWindow::runsFolder() { return Jobs::runsFolder(); }

QString MainWindow::newRunFolder() { return Jobs::newRunFolder(); }

std::shared_ptr<const PoisonedDataset> MainWindow::dataset() const { return session_->data(); }

QString MainWindow::runFolder() const { return session_->runDir(); }

void MainWindow::newRun() {
  if (!session_->cleanData()) return;
  experiment_->setTrigger(TriggerSpec{});
  experiment_->setPoison(PoisonSpec{});
  experiment_->setTraining(TrainConfig{});
  applyPoison();
}

void MainWindow::showNoData(const QString& why) {
  noDataText_->setText(why);
  pages_->setCurrentIndex(0);
  updateStatus();
}

void MainWindow::reportFailure(Task* task, const QString& what) {
  // Window-modal and non-blocking: no nested event loop on the GUI thread.
  auto* box = new QMessageBox(QMessageBox::Warning, tr("PoisonLab"), what, QMessageBox::Ok, this);
  box->setObjectName(QStringLiteral("errorDialog"));
  box->setAttribute(Qt::WA_DeleteOnClose);
  box->setInformativeText(task->errorMessage().left(400));
  box->setDetailedText(task->errorMessage());
  box->open();
}

void MainWindow::updateStatus() {
  // What needs data, or a free engine, is disabled without it.
  auto data = session_->data();
  for (QAction* a : dataActions_) a->setEnabled(data != nullptr);
  if (trainAction_) trainAction_->setEnabled(data && !jobs_->training());
  if (poisonAction_) poisonAction_->setEnabled(data && !jobs_->training());
  if (data) {
    const auto& d = *data->clean;
    dataStatus_->setText(tr("%1 · %2 · %L3 train / %L4 test")
                             .arg(QString::fromStdString(d.source))
                             .arg(QString::fromLatin1(toString(d.format)))
                             .arg(d.train.count())
                             .arg(d.test.count()));
    const auto& s = data->spec;
    const ModelVersion* v = session_->current();
    runStatus_->setText(tr("%1 poisons: %2 → %3 · %4 · %5%6")
                            .arg(data->poisonedIndices.size())
                            .arg(QString::fromStdString(d.classNames[s.source]))
                            .arg(QString::fromStdString(d.classNames[s.target]))
                            .arg(describeTrigger(data->trigger))
                            .arg(session_->runDir().isEmpty() ? tr("unsaved") : session_->runDir())
                            .arg(v && v->name != QLatin1String("original")
                                     ? tr(" · model: %1").arg(v->name)
                                     : QString()));
  } else {
    dataStatus_->setText(tr("No data"));
    runStatus_->clear();
  }
  const auto active = tasks_->activeTasks();
  if (active.isEmpty()) {
    jobStatus_->setText(tr("Idle"));
  } else {
    Task* t = active.first();
    jobStatus_->setText(tr("%1: %2 %3%").arg(t->title(), t->text()).arg(int(t->progress() * 100)));
  }
}

void MainWindow::closeEvent(QCloseEvent* event) {
  if (tasks_->hasActiveTasks()) {
    const auto answer = QMessageBox::question(
        this, tr("Jobs are running"),
        tr("%n job(s) still running. Cancel them and quit?", "", tasks_->activeTasks().size()));
    if (answer != QMessageBox::Yes) {
      event->ignore();
      return;
    }
    tasks_->cancelAllAndWait(10000);
  }
  saveLayout();
  event->accept();
}

}  // namespace poisonlab::gui
