// The window's menus, toolbar and shortcuts, and the file dialogs behind them (open, save,
// export, recent runs). Split from main_window.cpp, which builds the docks and wires them.
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QUndoStack>

#include "panels/detector_panel.h"
#include "jobs.h"
#include "main_window.h"
#include "report/run_report.h"
#include "plot/plot_export.h"
#include "preferences_dialog.h"
#include "qcustomplot.h"
#include "views/sample_browser.h"
#include "state/session.h"
#include "state/task_manager.h"
#include "views/training_view.h"

namespace poisonlab::gui {

namespace {
constexpr int kMaxRecentRuns = 8;
const char* const kRecentRunsKey = "runs/recent";

QIcon icon(const char* name) {
  return QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(name)));
}
}  // namespace

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
  QAction* exportReportAct = file->addAction(icon("export"), tr("Export &report…"), this,
                                             &MainWindow::chooseAndExportReport);
  exportReportAct->setShortcut(QKeySequence(tr("Ctrl+Shift+R")));
  exportReportAct->setObjectName(QStringLiteral("actionExportReport"));
  exportReportAct->setToolTip(
      tr("The run as one document for readers without the program: attack, training, "
         "detectors, unlearning (PDF or HTML)"));
  file->addSeparator();
  QMenu* exportMenu = file->addMenu(icon("export"), tr("&Export"));
  QAction* exportCsv = exportMenu->addAction(tr("Shown samples as &CSV…"), this,
                                             &MainWindow::chooseAndExportSamples);
  exportCsv->setShortcut(QKeySequence(tr("Ctrl+E")));
  exportCsv->setObjectName(QStringLiteral("actionExportSamples"));
  QAction* exportSelection =
      exportMenu->addAction(tr("&Selection as a forget set (CSV of indices)…"), this,
                            &MainWindow::chooseAndExportSelection);
  exportSelection->setObjectName(QStringLiteral("actionExportSelection"));
  QAction* exportPlots = exportMenu->addAction(tr("Training &plots (PNG and PDF)…"), this,
                                               &MainWindow::chooseAndExportPlots);
  exportPlots->setObjectName(QStringLiteral("actionExportPlots"));
  QAction* download =
      file->addAction(icon("download"), tr("Do&wnload CIFAR-10"), this, [this] { downloadData(); });
  download->setObjectName(QStringLiteral("actionDownload"));
  file->addSeparator();
  QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
  quit->setShortcut(QKeySequence::Quit);

  QMenu* edit = menuBar()->addMenu(tr("&Edit"));
  QAction* undo = session_->undoStack()->createUndoAction(this, tr("&Undo"));
  undo->setShortcut(QKeySequence::Undo);
  undo->setObjectName(QStringLiteral("actionUndo"));
  QAction* redo = session_->undoStack()->createRedoAction(this, tr("&Redo"));
  redo->setShortcuts({QKeySequence(tr("Ctrl+Shift+Z")), QKeySequence::Redo});
  redo->setObjectName(QStringLiteral("actionRedo"));
  edit->addAction(undo);
  edit->addAction(redo);
  edit->addSeparator();
  QAction* selectNone =
      edit->addAction(tr("Select &none"), this, [this] { session_->selection()->clear(); });
  selectNone->setObjectName(QStringLiteral("actionSelectNone"));
  edit->addSeparator();
  QAction* preferences = edit->addAction(tr("&Preferences…"), this, [this] {
    const QString current = qApp->property("poisonlab.language").toString();
    PreferencesDialog dialog(current.isEmpty() ? QStringLiteral("en") : current, this);
    if (dialog.exec() == QDialog::Accepted) dialog.save();
  });
  preferences->setShortcut(QKeySequence::Preferences);
  preferences->setObjectName(QStringLiteral("actionPreferences"));

  QMenu* run = menuBar()->addMenu(tr("&Run"));
  QAction* poisonAct =
      run->addAction(icon("poison"), tr("Apply &poison"), this, [this] { applyPoison(); });
  poisonAct->setShortcut(QKeySequence(tr("Ctrl+P")));
  poisonAct->setObjectName(QStringLiteral("actionApplyPoison"));
  QAction* trainAct =
      run->addAction(icon("train"), tr("&Train"), this, [this] { startTraining(); });
  trainAct->setShortcut(QKeySequence(tr("Ctrl+T")));
  trainAct->setObjectName(QStringLiteral("actionTrain"));
  QAction* detectAct = run->addAction(tr("Run all four &detectors"), this, [this] {
    for (auto* b : detectors_->findChildren<QPushButton*>(QStringLiteral("runAllDetectorsButton")))
      b->click();
  });
  detectAct->setShortcut(QKeySequence(tr("Ctrl+D")));
  detectAct->setObjectName(QStringLiteral("actionDetectAll"));
  QAction* whatIf = run->addAction(tr("&What if…"), this, &MainWindow::startWhatIf);
  whatIf->setObjectName(QStringLiteral("actionWhatIf"));
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
  view->addSeparator();
  for (int i = 0; i < views_->count(); ++i) {
    QAction* a =
        view->addAction(views_->tabText(i), this, [this, i] { views_->setCurrentIndex(i); });
    a->setShortcut(QKeySequence(QStringLiteral("Alt+%1").arg(i + 1)));
  }

  QMenu* help = menuBar()->addMenu(tr("&Help"));
  help->addAction(tr("&About PoisonLab"), this, [this] {
    QMessageBox::about(
        this, tr("About PoisonLab"),
        tr("<b>PoisonLab</b><br>A workbench for backdoor (label-poisoning) research on "
           "CIFAR-10.<br>Trigger positions are given as (row, column)."));
  });

  dataActions_ = {newRunAct,   saveAs,          exportReportAct, exportCsv,
                  exportPlots, exportSelection, whatIf};
  trainAction_ = trainAct;
  poisonAction_ = poisonAct;

  QToolBar* tb = addToolBar(tr("Main"));
  tb->setObjectName(QStringLiteral("mainToolBar"));
  tb->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
  tb->setIconSize(QSize(20, 20));
  for (QAction* a : {newRunAct, openData, openRunAct, saveAs}) tb->addAction(a);
  tb->addSeparator();
  for (QAction* a : {poisonAct, trainAct, detectAct, cancelAct}) tb->addAction(a);
  tb->addSeparator();
  for (QAction* a : {undo, redo}) tb->addAction(a);
  for (QAction* a : tb->actions())
    if (!a->shortcut().isEmpty())
      a->setToolTip(QStringLiteral("%1 (%2)").arg(
          a->text().remove(QLatin1Char('&')), a->shortcut().toString(QKeySequence::NativeText)));
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
  if (!session_->hasData()) return;
  const QString dir =
      QFileDialog::getExistingDirectory(this, tr("Save run in (a new or empty folder)"));
  if (!dir.isEmpty()) saveRunAs(dir);
}

void MainWindow::chooseAndExportReport() {
  if (!session_->hasData()) return;
  const QString dir = session_->runDir();
  const QString suggested = dir.isEmpty() ? QDir::home().filePath(QStringLiteral("report.pdf"))
                                          : RunReport::defaultPath(dir, RunReport::Format::Pdf);
  const QString path = QFileDialog::getSaveFileName(
      this, tr("Export report"), suggested,
      tr("PDF document (*.pdf);;Web page with pictures inside (*.html)"));
  if (!path.isEmpty()) exportReport(path);
}

void MainWindow::chooseAndExportSamples() {
  if (!session_->hasData()) return;
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

void MainWindow::chooseAndExportSelection() {
  if (session_->selection()->isEmpty()) {
    statusBar()->showMessage(tr("Nothing is selected"), 5000);
    return;
  }
  const QString path =
      QFileDialog::getSaveFileName(this, tr("Export the selection (the CLI's --forget FILE.csv)"),
                                   QStringLiteral("forget.csv"), tr("CSV (*.csv)"));
  if (path.isEmpty()) return;
  try {
    session_->selection()->exportCsv(path);
    statusBar()->showMessage(
        tr("Wrote %L1 indices to %2").arg(session_->selection()->size()).arg(path), 8000);
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

}  // namespace poisonlab::gui
