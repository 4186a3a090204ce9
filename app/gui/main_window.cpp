#include "main_window.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenuBar>
#include <QModelIndex>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>

#include <filesystem>

#include "core/cifar_loader.h"
#include "core/data_location.h"
#include "core/download.h"
#include "core/error.h"
#include "core/run_folder.h"
#include "jobs_panel.h"
#include "sample_browser.h"
#include "sample_inspector.h"
#include "task_manager.h"

namespace poisonlab::gui {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
  setObjectName(QStringLiteral("mainWindow"));
  setWindowTitle(tr("PoisonLab"));
  tasks_ = new TaskManager(this);

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

  QSettings settings;
  restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
  restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
  if (!settings.contains(QStringLiteral("window/geometry"))) resize(1280, 800);
  showNoData(tr("Looking for data…"));
}

MainWindow::~MainWindow() = default;

void MainWindow::buildDocks() {
  inspector_ = new SampleInspector(this);
  auto* inspectorDock = new QDockWidget(tr("Inspector"), this);
  inspectorDock->setObjectName(QStringLiteral("inspectorDock"));
  inspectorDock->setWidget(inspector_);
  addDockWidget(Qt::RightDockWidgetArea, inspectorDock);

  auto* jobsDock = new QDockWidget(tr("Jobs"), this);
  jobsDock->setObjectName(QStringLiteral("jobsDock"));
  jobsDock->setWidget(new JobsPanel(tasks_, jobsDock));
  addDockWidget(Qt::RightDockWidgetArea, jobsDock);
  resizeDocks({inspectorDock}, {460}, Qt::Horizontal);
}

void MainWindow::buildActions() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  QAction* openData = file->addAction(QIcon::fromTheme(QStringLiteral("document-open")),
                                      tr("Open &data…"), this, &MainWindow::chooseAndOpenData);
  openData->setShortcut(QKeySequence::Open);
  openData->setObjectName(QStringLiteral("actionOpenData"));
  QAction* openFolder =
      file->addAction(tr("Open data &folder…"), this, &MainWindow::chooseAndOpenDataFolder);
  openFolder->setObjectName(QStringLiteral("actionOpenDataFolder"));
  QAction* openRunAct =
      file->addAction(QIcon::fromTheme(QStringLiteral("folder-open")), tr("Open &run folder…"),
                      this, &MainWindow::chooseAndOpenRun);
  openRunAct->setShortcut(QKeySequence(tr("Ctrl+Shift+O")));
  openRunAct->setObjectName(QStringLiteral("actionOpenRun"));
  QAction* download = file->addAction(QIcon::fromTheme(QStringLiteral("download")),
                                      tr("Do&wnload CIFAR-10"), this, [this] { downloadData(); });
  download->setObjectName(QStringLiteral("actionDownload"));
  file->addSeparator();
  QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
  quit->setShortcut(QKeySequence::Quit);

  QMenu* view = menuBar()->addMenu(tr("&View"));
  for (QDockWidget* dock : findChildren<QDockWidget*>()) view->addAction(dock->toggleViewAction());

  QMenu* help = menuBar()->addMenu(tr("&Help"));
  help->addAction(tr("&About PoisonLab"), this, [this] {
    QMessageBox::about(
        this, tr("About PoisonLab"),
        tr("<b>PoisonLab</b><br>A workbench for backdoor (label-poisoning) research on "
           "CIFAR-10.<br>Trigger positions are given as (row, column)."));
  });

  QToolBar* tb = addToolBar(tr("Main"));
  tb->setObjectName(QStringLiteral("mainToolBar"));
  tb->addAction(openData);
  tb->addAction(openRunAct);
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
  const std::string p = path.toStdString();
  dataStatus_->setText(tr("Loading %1…").arg(path));
  Task* task = tasks_->start(tr("Load %1").arg(QFileInfo(path).fileName()), [p, result, clean](
                                                                                TaskContext& ctx) {
    auto ds = std::make_shared<const Dataset>(loadDataset(p, ctx.progressFn(), &ctx.cancelToken()));
    ctx.progress(1.0, "poisoning with the default settings");
    auto pd = std::make_shared<const PoisonedDataset>(applyPoison(ds, TriggerSpec{}, PoisonSpec{}));
    *clean = ds;
    *result = pd;
  });
  connect(task, &Task::finished, this, [this, task, result, clean](Task::State s) {
    if (s == Task::State::Succeeded) {
      data_ = *clean;
      showDataset(*result, QString());
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
  inspector_->setTrigger(poisoned_ ? std::optional<TriggerSpec>(poisoned_->trigger) : std::nullopt);
  inspector_->showSample({});
  pages_->setCurrentWidget(browser_);
  if (poisoned_ && !poisoned_->poisonedIndices.empty())
    browser_->selectSample(static_cast<int>(poisoned_->poisonedIndices.front()));
  updateStatus();
}

void MainWindow::showNoData(const QString& why) {
  noDataText_->setText(why);
  pages_->setCurrentIndex(0);
  updateStatus();
}

void MainWindow::reportFailure(Task* task, const QString& what) {
  QMessageBox box(QMessageBox::Warning, tr("PoisonLab"), what, QMessageBox::Ok, this);
  box.setObjectName(QStringLiteral("errorDialog"));
  box.setInformativeText(task->errorMessage().left(400));
  box.setDetailedText(task->errorMessage());
  box.exec();
}

void MainWindow::updateStatus() {
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
