#include "main_window.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QListView>
#include <QLabel>
#include <QMenuBar>
#include <QModelIndex>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>

#include <QDateTime>
#include <QDir>
#include <QPointer>
#include <QStandardPaths>

#include <chrono>
#include <filesystem>

#include "core/data/cifar_loader.h"
#include "core/train/inference.h"
#include "core/run/prediction_cache.h"
#include "core/run/train_report.h"
#include "core/data/data_location.h"
#include "core/data/download.h"
#include "core/util/error.h"
#include "core/run/run_folder.h"
#include "experiment_panel.h"
#include "jobs_panel.h"
#include "plot_export.h"
#include "qcustomplot.h"
#include "sample_browser.h"
#include "sample_inspector.h"
#include "stall_monitor.h"
#include "task_manager.h"
#include "training_view.h"

// The icons are compiled into the (static) workbench library; Q_INIT_RESOURCE must be called
// outside any namespace.
static void initWorkbenchResources() { Q_INIT_RESOURCE(resources); }

namespace poisonlab::gui {

namespace {
constexpr int kMaxRecentRuns = 8;
const char* const kRecentRunsKey = "runs/recent";

QIcon icon(const char* name) {
  return QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(name)));
}
}  // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
  initWorkbenchResources();
  setObjectName(QStringLiteral("mainWindow"));
  setWindowTitle(tr("PoisonLab"));
  tasks_ = new TaskManager(this);
  stall_ = new StallMonitor(this);

  pages_ = new QStackedWidget(this);
  // Page 0: no data yet, with the two ways to get some.
  auto* welcome = new QWidget(pages_);
  welcome->setObjectName(QStringLiteral("noDataPage"));
  noDataText_ = new QLabel(welcome);
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
  pages_->addWidget(welcome);
  // Page 1: the sample grid.
  browser_ = new SampleBrowser(pages_);
  pages_->addWidget(browser_);
  setCentralWidget(pages_);

  buildDocks();
  buildActions();

  dataStatus_ = new QLabel(tr("No data"), this);
  runStatus_ = new QLabel(this);
  jobStatus_ = new QLabel(tr("Idle"), this);
  statusBar()->addWidget(dataStatus_, 1);
  statusBar()->addWidget(runStatus_);
  statusBar()->addPermanentWidget(jobStatus_);
  connect(tasks_, &TaskManager::activeCountChanged, this, [this] { updateStatus(); });
  connect(tasks_, &TaskManager::taskStarted, this, [this](Task* t) {
    connect(t, &Task::progressChanged, this, [this] { updateStatus(); });
  });

  connect(browser_, &SampleBrowser::currentSampleChanged, inspector_, &SampleInspector::showSample);
  connect(inspector_, &SampleInspector::stepRequested, browser_, &SampleBrowser::step);
  connect(experiment_, &ExperimentPanel::openDataRequested, this, &MainWindow::chooseAndOpenData);
  connect(experiment_, &ExperimentPanel::openDataFolderRequested, this,
          &MainWindow::chooseAndOpenDataFolder);
  connect(experiment_, &ExperimentPanel::downloadRequested, this, [this] { downloadData(); });
  connect(experiment_, &ExperimentPanel::applyPoisonRequested, this, [this] { applyPoison(); });
  connect(experiment_, &ExperimentPanel::trainRequested, this, [this] { startTraining(); });

  QSettings settings;
  restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
  defaultDockSizes_ = !restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
  if (!settings.contains(QStringLiteral("window/geometry"))) resize(1500, 940);
  showNoData(tr("Looking for data…"));
}

MainWindow::~MainWindow() = default;

void MainWindow::buildDocks() {
  experiment_ = new ExperimentPanel(this);
  auto* experimentDock = new QDockWidget(tr("Experiment"), this);
  experimentDock->setObjectName(QStringLiteral("experimentDock"));
  experimentDock->setWidget(experiment_);
  addDockWidget(Qt::LeftDockWidgetArea, experimentDock);

  training_ = new TrainingView(this);
  auto* trainingDock = new QDockWidget(tr("Training"), this);
  trainingDock->setObjectName(QStringLiteral("trainingDock"));
  trainingDock->setWidget(training_);
  addDockWidget(Qt::BottomDockWidgetArea, trainingDock);

  inspector_ = new SampleInspector(this);
  auto* inspectorDock = new QDockWidget(tr("Inspector"), this);
  inspectorDock->setObjectName(QStringLiteral("inspectorDock"));
  inspectorDock->setWidget(inspector_);
  addDockWidget(Qt::RightDockWidgetArea, inspectorDock);

  auto* jobsDock = new QDockWidget(tr("Jobs"), this);
  jobsDock->setObjectName(QStringLiteral("jobsDock"));
  // Scrolling, so a long list of finished jobs never squeezes the other docks.
  auto* jobsScroll = new QScrollArea(jobsDock);
  jobsScroll->setWidget(new JobsPanel(tasks_, jobsScroll));
  jobsScroll->setWidgetResizable(true);
  jobsScroll->setFrameShape(QFrame::NoFrame);
  jobsScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  jobsDock->setWidget(jobsScroll);
  addDockWidget(Qt::RightDockWidgetArea, jobsDock);
}

void MainWindow::showEvent(QShowEvent* event) {
  QMainWindow::showEvent(event);
  if (!defaultDockSizes_) return;
  defaultDockSizes_ = false;
  // First start (no saved layout): sizes that suit the window it got, once it is laid out.
  QTimer::singleShot(0, this, [this] {
    auto* experimentDock = findChild<QDockWidget*>(QStringLiteral("experimentDock"));
    auto* inspectorDock = findChild<QDockWidget*>(QStringLiteral("inspectorDock"));
    auto* jobsDock = findChild<QDockWidget*>(QStringLiteral("jobsDock"));
    auto* trainingDock = findChild<QDockWidget*>(QStringLiteral("trainingDock"));
    resizeDocks({experimentDock, inspectorDock}, {330, 400}, Qt::Horizontal);
    resizeDocks({trainingDock}, {std::max(340, height() * 2 / 5)}, Qt::Vertical);
    resizeDocks({inspectorDock, jobsDock}, {height() * 2 / 5, 160}, Qt::Vertical);
  });
}

void MainWindow::buildActions() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  QAction* newRunAct = file->addAction(icon("new-run"), tr("&New run"), this, &MainWindow::newRun);
  newRunAct->setShortcut(QKeySequence::New);
  newRunAct->setObjectName(QStringLiteral("actionNewRun"));
  newRunAct->setToolTip(tr("Start a new run on the loaded data with the default attack"));
  QAction* openData =
      file->addAction(icon("open-data"), tr("Open &data…"), this, &MainWindow::chooseAndOpenData);
  openData->setShortcut(QKeySequence::Open);
  openData->setObjectName(QStringLiteral("actionOpenData"));
  QAction* openFolder =
      file->addAction(tr("Open data &folder…"), this, &MainWindow::chooseAndOpenDataFolder);
  openFolder->setObjectName(QStringLiteral("actionOpenDataFolder"));
  QAction* openRunAct = file->addAction(icon("open-run"), tr("Open &run folder…"), this,
                                        &MainWindow::chooseAndOpenRun);
  openRunAct->setShortcut(QKeySequence(tr("Ctrl+Shift+O")));
  openRunAct->setObjectName(QStringLiteral("actionOpenRun"));
  recentMenu_ = file->addMenu(tr("Recent &runs"));
  recentMenu_->setObjectName(QStringLiteral("recentRunsMenu"));
  connect(recentMenu_, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
  QAction* saveAs =
      file->addAction(icon("save"), tr("&Save run as…"), this, &MainWindow::chooseAndSaveRunAs);
  saveAs->setShortcut(QKeySequence::SaveAs);
  saveAs->setObjectName(QStringLiteral("actionSaveRunAs"));
  file->addSeparator();
  QMenu* exportMenu = file->addMenu(icon("export"), tr("&Export"));
  QAction* exportCsv = exportMenu->addAction(tr("Shown samples as &CSV…"), this,
                                             &MainWindow::chooseAndExportSamples);
  exportCsv->setShortcut(QKeySequence(tr("Ctrl+E")));
  exportCsv->setObjectName(QStringLiteral("actionExportSamples"));
  QAction* exportPlots = exportMenu->addAction(tr("Training &plots (PNG and PDF)…"), this,
                                               &MainWindow::chooseAndExportPlots);
  exportPlots->setObjectName(QStringLiteral("actionExportPlots"));
  QAction* download =
      file->addAction(icon("download"), tr("Do&wnload CIFAR-10"), this, [this] { downloadData(); });
  download->setObjectName(QStringLiteral("actionDownload"));
  file->addSeparator();
  QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
  quit->setShortcut(QKeySequence::Quit);

  QMenu* run = menuBar()->addMenu(tr("&Run"));
  QAction* poisonAct =
      run->addAction(icon("poison"), tr("Apply &poison"), this, [this] { applyPoison(); });
  poisonAct->setShortcut(QKeySequence(tr("Ctrl+P")));
  poisonAct->setObjectName(QStringLiteral("actionApplyPoison"));
  QAction* trainAct =
      run->addAction(icon("train"), tr("&Train"), this, [this] { startTraining(); });
  trainAct->setShortcut(QKeySequence(tr("Ctrl+T")));
  trainAct->setObjectName(QStringLiteral("actionTrain"));
  QAction* cancelAct = run->addAction(icon("stop"), tr("&Cancel all jobs"), this, [this] {
    for (Task* t : tasks_->activeTasks()) t->cancel();
  });
  cancelAct->setShortcut(QKeySequence(tr("Ctrl+.")));
  cancelAct->setObjectName(QStringLiteral("actionCancelJobs"));
  cancelAct->setEnabled(false);
  connect(tasks_, &TaskManager::activeCountChanged, cancelAct,
          [cancelAct](int n) { cancelAct->setEnabled(n > 0); });

  QMenu* view = menuBar()->addMenu(tr("&View"));
  for (QDockWidget* dock : findChildren<QDockWidget*>()) view->addAction(dock->toggleViewAction());

  QMenu* help = menuBar()->addMenu(tr("&Help"));
  help->addAction(tr("&About PoisonLab"), this, [this] {
    QMessageBox::about(
        this, tr("About PoisonLab"),
        tr("<b>PoisonLab</b><br>A workbench for backdoor (label-poisoning) research on "
           "CIFAR-10.<br>Trigger positions are given as (row, column)."));
  });

  dataActions_ = {newRunAct, poisonAct, saveAs, exportCsv, exportPlots};
  trainAction_ = trainAct;

  QToolBar* tb = addToolBar(tr("Main"));
  tb->setObjectName(QStringLiteral("mainToolBar"));
  tb->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
  tb->setIconSize(QSize(20, 20));
  for (QAction* a : {newRunAct, openData, openRunAct, saveAs}) tb->addAction(a);
  tb->addSeparator();
  for (QAction* a : {poisonAct, trainAct, cancelAct}) tb->addAction(a);
  for (QAction* a : tb->actions())
    if (!a->shortcut().isEmpty())
      a->setToolTip(QStringLiteral("%1 (%2)").arg(
          a->text().remove(QLatin1Char('&')), a->shortcut().toString(QKeySequence::NativeText)));
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
  auto result = std::make_shared<std::shared_ptr<const PoisonedDataset>>();
  auto clean = std::make_shared<std::shared_ptr<const Dataset>>();
  auto note = std::make_shared<QString>();
  const std::string p = path.toStdString();
  // The experiment panel's attack (the log's by default) is applied to the new data; where its
  // count does not fit a small data set, the same attack at the log's rate (1 %) is used.
  const TriggerSpec trigger = experiment_->trigger();
  const PoisonSpec spec = experiment_->poison();
  dataStatus_->setText(tr("Loading %1…").arg(path));
  Task* task = tasks_->start(
      tr("Load %1").arg(QFileInfo(path).fileName()),
      [p, result, clean, note, trigger, spec](TaskContext& ctx) {
        auto ds =
            std::make_shared<const Dataset>(loadDataset(p, ctx.progressFn(), &ctx.cancelToken()));
        ctx.progress(1.0, "poisoning");
        PoisonSpec use = spec;
        try {
          use.validate(*ds);
        } catch (const Error& e) {
          use.rate = 0.01;
          *note = tr("%1; poisoning 1 % of the training set instead.")
                      .arg(QString::fromStdString(e.what()));
        }
        *result = std::make_shared<const PoisonedDataset>(poisonlab::applyPoison(ds, trigger, use));
        *clean = ds;
      });
  connect(task, &Task::finished, this, [this, task, result, clean, note](Task::State s) {
    if (s == Task::State::Succeeded) {
      data_ = *clean;
      showDataset(*result, QString());
      if (!note->isEmpty()) statusBar()->showMessage(*note, 15000);
    } else if (s == Task::State::Failed) {
      reportFailure(task, tr("Could not load the data set"));
      if (!poisoned_) showNoData(task->errorMessage());
    } else if (!poisoned_) {
      showNoData(tr("Loading was cancelled."));
    }
  });
  return task;
}

Task* MainWindow::openRun(const QString& dir) {
  auto result = std::make_shared<std::shared_ptr<const PoisonedDataset>>();
  auto clean = std::make_shared<std::shared_ptr<const Dataset>>();
  const std::string d = dir.toStdString();
  auto cached = data_;
  Task* task = tasks_->start(
      tr("Open run %1").arg(QFileInfo(dir).fileName()),
      [d, cached, result, clean](TaskContext& ctx) {
        const Experiment exp = readExperiment(d);
        std::shared_ptr<const Dataset> ds = cached;
        namespace fs = std::filesystem;
        std::error_code ec;
        if (!ds || !fs::equivalent(fs::path(ds->source), fs::path(exp.dataSource), ec))
          ds = std::make_shared<const Dataset>(
              loadDataset(exp.dataSource, ctx.progressFn(), &ctx.cancelToken()));
        *result = std::make_shared<const PoisonedDataset>(poisonlab::openRun(d, ds));
        *clean = ds;
      });
  connect(task, &Task::finished, this, [this, task, result, clean, dir](Task::State s) {
    if (s == Task::State::Succeeded) {
      data_ = *clean;
      showDataset(*result, dir);
      rememberRun(dir);
      showRunResults(dir);
    } else if (s == Task::State::Failed) {
      reportFailure(task, tr("Could not open the run folder %1").arg(dir));
    }
  });
  return task;
}

Task* MainWindow::downloadData() {
  const std::string dest = userDataDir();
  auto path = std::make_shared<std::string>();
  Task* task = tasks_->start(tr("Download CIFAR-10"), [dest, path](TaskContext& ctx) {
    DownloadOptions o;
    o.destDir = dest;
    *path = downloadFile(o, ctx.progressFn(), &ctx.cancelToken()).path;
  });
  noDataText_->setText(tr("Downloading CIFAR-10 into %1…\nProgress is shown in the Jobs panel.")
                           .arg(QString::fromStdString(dest)));
  connect(task, &Task::finished, this, [this, task, path](Task::State s) {
    if (s == Task::State::Succeeded) {
      openData(QString::fromStdString(*path));
    } else if (s == Task::State::Failed) {
      reportFailure(task, tr("The download failed"));
      if (!poisoned_) showNoData(task->errorMessage());
    } else if (!poisoned_) {
      showNoData(
          tr("The download was cancelled; the part already received is kept and the next "
             "download resumes it."));
    }
  });
  return task;
}

void MainWindow::showDataset(std::shared_ptr<const PoisonedDataset> data, const QString& runDir) {
  poisoned_ = std::move(data);
  runDir_ = runDir;
  browser_->setDataset(poisoned_);
  experiment_->setDataset(poisoned_);
  training_->clear();
  inspector_->setTrigger(poisoned_ ? std::optional<TriggerSpec>(poisoned_->trigger) : std::nullopt);
  inspector_->showSample({});
  pages_->setCurrentWidget(browser_);
  if (poisoned_ && !poisoned_->poisonedIndices.empty())
    browser_->selectSample(static_cast<int>(poisoned_->poisonedIndices.front()));
  updateStatus();
}

void MainWindow::showRunResults(const QString& dir) {
  const std::string d = dir.toStdString();
  namespace fs = std::filesystem;
  try {
    if (fs::exists(metricsPath(d))) {
      experiment_->setTraining(readTrainConfig(d));
      QStringList names;
      for (const auto& n : poisoned_->classNames()) names << QString::fromStdString(n);
      training_->showResult(names, readTrainResult(d));
    }
  } catch (const std::exception& e) {
    statusBar()->showMessage(QString::fromStdString(e.what()), 10000);
  }
  if (fs::exists(modelPath(d))) predict();
}

Task* MainWindow::applyPoison() {
  if (!data_) return nullptr;
  const TriggerSpec trigger = experiment_->trigger();
  const PoisonSpec spec = experiment_->poison();
  auto clean = data_;
  auto result = std::make_shared<std::shared_ptr<const PoisonedDataset>>();
  Task* task = tasks_->start(tr("Poison %1").arg(QString::fromStdString(trigger.describe())),
                             [clean, trigger, spec, result](TaskContext& ctx) {
                               ctx.progress(0, "stamping the trigger");
                               *result = std::make_shared<const PoisonedDataset>(
                                   poisonlab::applyPoison(clean, trigger, spec));
                             });
  connect(task, &Task::finished, this, [this, task, result](Task::State s) {
    if (s == Task::State::Succeeded)
      showDataset(*result, QString());
    else if (s == Task::State::Failed)
      reportFailure(task, tr("Could not poison the data set"));
  });
  return task;
}

QString MainWindow::runsFolder() {
  QSettings settings;
  const QString fallback =
      QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + "/runs";
  return settings.value(QStringLiteral("runs/folder"), fallback).toString();
}

QString MainWindow::newRunFolder() {
  // Named by the time; a second run in the same second gets a suffix and never reuses (and
  // overwrites) another run's folder. The folder is created here to claim the name.
  const QString base =
      QDir(runsFolder())
          .filePath(QStringLiteral("run-") +
                    QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
  QString dir = base;
  for (int k = 2; QFileInfo::exists(dir) || !QDir().mkpath(dir); ++k) {
    if (k > 1000) throw Error(base.toStdString() + ": could not create a new run folder");
    dir = QStringLiteral("%1-%2").arg(base).arg(k);
  }
  return dir;
}

Task* MainWindow::startTraining() {
  if (!poisoned_ || trainTask_ || !experiment_->problem().isEmpty()) return nullptr;
  const TrainConfig config = experiment_->training();
  namespace fs = std::filesystem;
  // A run folder holds one training: an unsaved run, or one that already has a model (or a
  // checkpoint of another recipe), gets a new folder with the same experiment.
  QString dir = runDir_;
  const std::string cur = dir.toStdString();
  if (dir.isEmpty() || fs::exists(modelPath(cur)) || fs::exists(checkpointPath(cur)))
    dir = newRunFolder();
  const std::string runDir = dir.toStdString();
  auto data = poisoned_;
  auto result = std::make_shared<TrainResult>();
  QPointer<TrainingView> view = training_;
  QStringList names;
  for (const auto& n : data->classNames()) names << QString::fromStdString(n);
  training_->start(names, config.epochs);
  Task* task = tasks_->start(
      tr("Train %1, %2 epochs")
          .arg(QString::fromStdString(config.model.describe()))
          .arg(config.epochs),
      [data, config, runDir, result, view](TaskContext& ctx) {
        ctx.progress(0, "writing the run folder");
        writeRun(runDir, describeExperiment(*data), *data);
        // Per-batch figures reach the GUI at most four times a second, as one averaged point.
        using Clock = std::chrono::steady_clock;
        auto start = Clock::now(), lastPost = start;
        double lossSum = 0;
        int lossCount = 0;
        TrainCallbacks cb;
        cb.onBatch = [&](const BatchStats& b) {
          lossSum += b.loss;
          ++lossCount;
          const double fraction = (b.epoch - 1 + double(b.batch) / b.batches) / config.epochs;
          ctx.progress(fraction,
                       "epoch " + std::to_string(b.epoch) + "/" + std::to_string(config.epochs));
          const auto now = Clock::now();
          if (now - lastPost < std::chrono::milliseconds(250) && b.batch != b.batches) return;
          const double x = b.epoch - 1 + double(b.batch) / b.batches;
          const double loss = lossSum / lossCount;
          const double elapsed = std::chrono::duration<double>(now - start).count();
          lossSum = 0;
          lossCount = 0;
          lastPost = now;
          QMetaObject::invokeMethod(
              view,
              [view, b, x, loss, elapsed] {
                if (!view) return;
                view->addBatchLoss(x, loss);
                view->setLive(b, elapsed);
              },
              Qt::QueuedConnection);
        };
        cb.onEpoch = [&](const EpochStats& e) {
          QMetaObject::invokeMethod(
              view,
              [view, e] {
                if (view) view->addEpoch(e);
              },
              Qt::QueuedConnection);
        };
        *result = trainModel(*data, config, runDir, cb, &ctx.cancelToken());
      },
      TaskManager::Lane::Engine);
  trainTask_ = task;
  experiment_->setTrainingRunning(true);
  stall_->start();
  connect(task, &Task::finished, this, [this, task, result, dir](Task::State s) {
    stall_->stop();
    lastStallMs_ = stall_->maxStallMs();
    trainTask_ = nullptr;
    experiment_->setTrainingRunning(false);
    runDir_ = dir;  // the folder exists now, with the experiment (and the checkpoint if any)
    rememberRun(dir);
    updateStatus();
    if (s == Task::State::Succeeded) {
      training_->finish(*result);
      statusBar()->showMessage(tr("Training finished; the GUI thread's longest stall was %1 ms")
                                   .arg(lastStallMs_, 0, 'f', 1),
                               15000);
      predict();
    } else if (s == Task::State::Failed) {
      reportFailure(task, tr("Training failed"));
    } else {
      statusBar()->showMessage(
          tr("Training cancelled; the last finished epoch is kept in %1").arg(dir), 15000);
    }
  });
  return task;
}

Task* MainWindow::predict() {
  if (!poisoned_ || runDir_.isEmpty()) return nullptr;
  const std::string run = runDir_.toStdString();
  const std::string model = modelPath(run);
  auto data = poisoned_;
  auto probs = std::make_shared<std::vector<float>>();
  Task* task = tasks_->start(
      tr("Predict the training set"),
      [data, run, model, probs](TaskContext& ctx) {
        ctx.progress(0, "classifying " + std::to_string(data->train.count()) + " images");
        InferenceOptions o;
        o.precision = Precision::Auto;
        *probs = trainingProbabilities(run, model, *data, o, ctx.progressFn(), &ctx.cancelToken());
      },
      TaskManager::Lane::Engine);
  connect(task, &Task::finished, this, [this, task, probs, data](Task::State s) {
    if (s == Task::State::Succeeded && data == poisoned_) {
      browser_->setPredictions(std::move(*probs), static_cast<int>(data->classNames().size()));
      inspector_->showSample(browser_->view()->currentIndex());
    } else if (s == Task::State::Failed) {
      reportFailure(task, tr("Could not classify the training images"));
    }
  });
  return task;
}

Task* MainWindow::saveRunAs(const QString& target) {
  if (!poisoned_) return nullptr;
  namespace fs = std::filesystem;
  const std::string to = target.toStdString();
  const std::string from = runDir_.toStdString();
  auto data = poisoned_;
  Task* task = tasks_->start(tr("Save run as %1").arg(target), [data, from, to](TaskContext& ctx) {
    std::error_code ec;
    if (fs::exists(to) && !fs::is_empty(to, ec))
      throw Error(to + ": the folder is not empty; choose a new or empty folder");
    if (!from.empty() && fs::exists(from)) {
      ctx.progress(0, "copying " + from);
      fs::create_directories(to);
      fs::copy(from, to, fs::copy_options::recursive);
    } else {
      writeRun(to, describeExperiment(*data), *data);
    }
  });
  connect(task, &Task::finished, this, [this, task, target](Task::State s) {
    if (s == Task::State::Succeeded) {
      runDir_ = target;
      rememberRun(target);
      updateStatus();
    } else if (s == Task::State::Failed) {
      reportFailure(task, tr("Could not save the run"));
    }
  });
  return task;
}

void MainWindow::newRun() {
  if (!data_) return;
  experiment_->setTrigger(TriggerSpec{});
  experiment_->setPoison(PoisonSpec{});
  experiment_->setTraining(TrainConfig{});
  applyPoison();
}

void MainWindow::rememberRun(const QString& dir) {
  QSettings settings;
  QStringList runs = settings.value(QLatin1String(kRecentRunsKey)).toStringList();
  const QString abs = QFileInfo(dir).absoluteFilePath();
  runs.removeAll(abs);
  runs.prepend(abs);
  while (runs.size() > kMaxRecentRuns) runs.removeLast();
  settings.setValue(QLatin1String(kRecentRunsKey), runs);
}

void MainWindow::fillRecentMenu() {
  recentMenu_->clear();
  const QStringList runs = QSettings().value(QLatin1String(kRecentRunsKey)).toStringList();
  for (int i = 0; i < runs.size(); ++i) {
    QAction* a = recentMenu_->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(runs[i]), this,
                                        [this, dir = runs[i]] { openRun(dir); });
    a->setEnabled(QFileInfo::exists(runs[i] + "/experiment.json"));
  }
  if (runs.isEmpty()) recentMenu_->addAction(tr("No recent runs"))->setEnabled(false);
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
  for (QAction* a : dataActions_) a->setEnabled(poisoned_ != nullptr);
  if (trainAction_) trainAction_->setEnabled(poisoned_ && !trainTask_);
  if (poisoned_) {
    const auto& d = *poisoned_->clean;
    dataStatus_->setText(tr("%1 · %2 · %L3 train / %L4 test")
                             .arg(QString::fromStdString(d.source))
                             .arg(QString::fromLatin1(toString(d.format)))
                             .arg(d.train.count())
                             .arg(d.test.count()));
    const auto& s = poisoned_->spec;
    runStatus_->setText(tr("%1 poisons: %2 → %3 · %4 · %5")
                            .arg(poisoned_->poisonedIndices.size())
                            .arg(QString::fromStdString(d.classNames[s.source]))
                            .arg(QString::fromStdString(d.classNames[s.target]))
                            .arg(QString::fromStdString(poisoned_->trigger.describe()))
                            .arg(runDir_.isEmpty() ? tr("unsaved") : runDir_));
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

void MainWindow::chooseAndOpenData() {
  const QString archive =
      QFileDialog::getOpenFileName(this, tr("Open a CIFAR-10 archive"), QString(),
                                   tr("Archives (*.tar.gz *.tgz *.tar);;All files (*)"));
  if (!archive.isEmpty()) openData(archive);
}

void MainWindow::chooseAndOpenDataFolder() {
  const QString folder = QFileDialog::getExistingDirectory(this, tr("Open a CIFAR-10 folder"));
  if (!folder.isEmpty()) openData(folder);
}

void MainWindow::chooseAndSaveRunAs() {
  if (!poisoned_) return;
  const QString dir =
      QFileDialog::getExistingDirectory(this, tr("Save run in (a new or empty folder)"));
  if (!dir.isEmpty()) saveRunAs(dir);
}

void MainWindow::chooseAndExportSamples() {
  if (!poisoned_) return;
  const QString path = QFileDialog::getSaveFileName(
      this, tr("Export the shown samples"), QStringLiteral("samples.csv"), tr("CSV (*.csv)"));
  if (path.isEmpty()) return;
  try {
    browser_->exportCsv(path);
    statusBar()->showMessage(
        tr("Wrote %L1 samples to %2").arg(browser_->visibleIndices().size()).arg(path), 8000);
  } catch (const std::exception& e) {
    QMessageBox::warning(this, tr("Export"), QString::fromStdString(e.what()));
  }
}

void MainWindow::chooseAndExportPlots() {
  const QString dir = QFileDialog::getExistingDirectory(this, tr("Export the training plots to"));
  if (dir.isEmpty()) return;
  try {
    for (QCustomPlot* p : {training_->lossPlot(), training_->accuracyPlot(), training_->speedPlot(),
                           training_->confusionPlot(false), training_->confusionPlot(true)})
      for (const char* ext : {"png", "pdf"})
        savePlot(p, QDir(dir).filePath(p->objectName() + QLatin1Char('.') + QLatin1String(ext)));
    statusBar()->showMessage(tr("Wrote the training plots to %1").arg(dir), 8000);
  } catch (const std::exception& e) {
    QMessageBox::warning(this, tr("Export"), QString::fromStdString(e.what()));
  }
}

void MainWindow::chooseAndOpenRun() {
  const QString dir = QFileDialog::getExistingDirectory(this, tr("Open run folder"));
  if (!dir.isEmpty()) openRun(dir);
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
  QSettings settings;
  settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
  settings.setValue(QStringLiteral("window/state"), saveState());
  event->accept();
}

}  // namespace poisonlab::gui
