// The window's FLIP job: started from the attack panel, watched in the FLIP view, its runs
// added to the comparison.
#include <QStatusBar>
#include <QTabWidget>

#include "jobs.h"
#include "main_window.h"
#include "panels/experiment_panel.h"
#include "state/session.h"
#include "state/task_manager.h"
#include "views/flip_view.h"
#include "views/runs_view.h"

namespace poisonlab::gui {

void MainWindow::wireFlip() {
  connect(experiment_, &ExperimentPanel::flipRequested, this, [this](bool quick) {
    if (!startFlip(quick)) statusBar()->showMessage(tr("Open a data set first"), 15000);
  });
  connect(jobs_, &Jobs::flipFinished, this,
          [this](Task*, const QString&, const QStringList& runs, const QString& summary) {
            for (const QString& run : runs) summariseRun(run);
            flip_->finish(summary);
            statusBar()->showMessage(tr("FLIP's label files and runs are written"), 15000);
          });
}

Task* MainWindow::startFlip(bool quick) {
  FlipConfig config = quick ? FlipConfig::quick() : FlipConfig{};
  const PoisonSpec p = experiment_->poison();
  config.trigger = experiment_->trigger();
  config.source = p.source;
  config.target = p.target;
  return startFlip(config);
}

Task* MainWindow::startFlip(const FlipConfig& config, const QString& dir) {
  Task* task = jobs_->computeFlip(config, dir);
  if (!task) return nullptr;
  flip_->start(config.experts, config.expertEpochs, config.passes);
  views_->setCurrentWidget(flip_);
  onLive<FlipLive>(task, flip_, [this](const FlipLive& l) {
    if (l.expertDone) {
      flip_->setExpertDone(l.expertDone, l.cta, l.pta);
    } else if (l.passDone) {
      flip_->addPass(l.passDone, l.passMean);
    } else if (l.progress.stage == "experts") {
      flip_->setExpertProgress(l.progress.expert, l.progress.epoch, l.progress.loss);
    } else {
      flip_->addBatch(l.progress.pass - 1 + double(l.progress.batch) / l.progress.batches,
                      l.progress.loss);
    }
  });
  connect(task, &Task::finished, flip_, [this, task](Task::State s) {
    if (s == Task::State::Cancelled) flip_->finish(tr("Cancelled: no label file was written."));
    if (s == Task::State::Failed) flip_->finish(tr("Failed: %1").arg(task->errorMessage()));
  });
  watchStalls(task);
  return task;
}

}  // namespace poisonlab::gui
