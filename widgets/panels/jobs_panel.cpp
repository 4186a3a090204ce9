#include "panels/jobs_panel.h"

#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <memory>

#include "state/ui_format.h"

#include "state/task_manager.h"

namespace poisonlab::gui {

JobsPanel::JobsPanel(TaskManager* manager, QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("jobsPanel"));
  auto* outer = new QVBoxLayout(this);
  outer->setContentsMargins(4, 4, 4, 4);
  rows_ = new QVBoxLayout;
  empty_ = new QLabel(tr("No jobs yet."), this);
  empty_->setEnabled(false);
  outer->addWidget(empty_);
  outer->addLayout(rows_);
  outer->addStretch(1);
  connect(manager, &TaskManager::taskStarted, this, &JobsPanel::addTask);
}

void JobsPanel::addTask(Task* task) {
  empty_->hide();
  auto* row = new QWidget(this);
  auto* title = new QLabel(task->title(), row);
  title->setTextFormat(Qt::PlainText);  // plain: it may show the user's names and paths
  auto* bar = new QProgressBar(row);
  bar->setRange(0, 1000);
  bar->setTextVisible(false);
  bar->setMaximumHeight(12);
  auto* text = new QLabel(tr("queued"), row);
  text->setTextFormat(Qt::PlainText);  // plain: it may show the user's names and paths
  text->setEnabled(false);
  auto* cancel = new QToolButton(row);
  cancel->setText(tr("Cancel"));
  cancel->setToolTip(plainToolTip(tr("Cancel %1").arg(task->title())));
  auto* top = new QHBoxLayout;
  top->addWidget(title, 1);
  top->addWidget(cancel);
  auto* layout = new QVBoxLayout(row);
  layout->setContentsMargins(0, 2, 0, 2);
  layout->addLayout(top);
  layout->addWidget(bar);
  layout->addWidget(text);
  rows_->insertWidget(0, row);  // newest first
  rowOf_.insert(task, row);

  connect(cancel, &QToolButton::clicked, task, &Task::cancel);
  connect(task, &Task::progressChanged, row, [bar, text](double f, const QString& t) {
    bar->setValue(static_cast<int>(f * 1000));
    text->setText(t);
  });
  auto clock = std::make_shared<QElapsedTimer>();
  clock->start();
  connect(task, &Task::finished, row, [this, task, bar, text, cancel, row, clock](Task::State s) {
    cancel->setEnabled(false);
    const double seconds = clock->elapsed() / 1000.0;
    switch (s) {
      case Task::State::Succeeded:
        bar->setValue(1000);
        text->setText(tr("done in %1 s").arg(seconds, 0, 'f', seconds < 10 ? 2 : 0));
        break;
      case Task::State::Cancelled:
        text->setText(tr("cancelled after %1 s").arg(seconds, 0, 'f', 1));
        break;
      case Task::State::Failed:
        text->setText(tr("failed: %1").arg(task->errorMessage().left(200)));
        text->setEnabled(true);
        text->setWordWrap(true);
        break;
      default:
        break;
    }
    // Keep the last few finished jobs visible; drop older ones.
    QTimer::singleShot(0, this, [this] {
      while (rows_->count() > 8) {
        QWidget* w = rows_->itemAt(rows_->count() - 1)->widget();
        rows_->removeWidget(w);
        rowOf_.remove(rowOf_.key(w));
        w->deleteLater();
      }
    });
    Q_UNUSED(row);
  });
}

}  // namespace poisonlab::gui
