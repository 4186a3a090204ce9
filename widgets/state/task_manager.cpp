#include "state/task_manager.h"

#include <QElapsedTimer>

#include <algorithm>

#include <QDateTime>
#include <QMetaObject>
#include <QPointer>

#include "core/util/error.h"

namespace poisonlab::gui {

void TaskContext::progress(double fraction, const std::string& text) {
  task_->postProgress(fraction, text);
}

void TaskContext::postLive(QVariant value) {
  Task* task = task_;
  task->postToGui([task, value] { emit task->live(value); });
}

const CancelToken& TaskContext::cancelToken() const { return task_->cancelToken(); }

Task::Task(QString title, Work work, QObject* parent)
    : QObject(parent), title_(std::move(title)), work_(std::move(work)) {}

void Task::cancel() { cancel_.cancel(); }

void Task::postProgress(double fraction, const std::string& text) {
  // At most ~20 updates a second reach the GUI thread, whatever the worker's rate.
  const qint64 now = QDateTime::currentMSecsSinceEpoch();
  if (fraction < 1.0 && now - lastPostMs_.load() < 50) return;
  lastPostMs_ = now;
  const QString qtext = QString::fromStdString(text);
  postToGui([this, fraction, qtext] {
    progress_ = fraction;
    text_ = qtext;
    emit progressChanged(fraction, qtext);
  });
}

void Task::postToGui(std::function<void()> fn) {
  // The wake-up is posted under the lock: once the lock is released the worker touches this
  // task no more. Posted after it, a drain already running on the GUI thread could run the
  // worker's last closure (the task finished), prune would delete the task, and the worker's
  // invokeMethod would then reach a deleted object.
  std::lock_guard<std::mutex> lock(outboxMutex_);
  const bool wake = outbox_.empty();  // a drain is already on its way otherwise
  outbox_.push_back(std::move(fn));
  if (wake) QMetaObject::invokeMethod(this, "drainOutbox", Qt::QueuedConnection);
}

void Task::drainOutbox() {
  for (;;) {
    std::function<void()> fn;
    {
      std::lock_guard<std::mutex> lock(outboxMutex_);
      if (outbox_.empty()) return;
      fn = std::move(outbox_.front());
      outbox_.pop_front();
    }
    fn();
  }
}

void Task::runInWorker() {
  postToGui([this] { state_ = State::Running; });
  State end = State::Succeeded;
  QString error;
  try {
    TaskContext ctx(this);
    cancel_.throwIfCancelled();
    work_(ctx);
    if (cancel_.cancelled()) end = State::Cancelled;
    // A finished task keeps no closure: what it captured (a whole data set) is freed now.
    work_ = nullptr;
  } catch (const Cancelled&) {
    end = State::Cancelled;
    work_ = nullptr;
  } catch (const std::exception& e) {
    end = State::Failed;
    error = QString::fromStdString(e.what());
    work_ = nullptr;
  } catch (...) {
    end = State::Failed;
    error = QStringLiteral("unknown error");
    work_ = nullptr;
  }
  postToGui([this, end, error] {
    state_ = end;
    error_ = error;
    if (end == State::Succeeded) progress_ = 1.0;
    emit finished(end);
    // Everything connected to this task has heard the end: the connections go, and with
    // them the closures they hold (a finished job's result, a whole data set).
    disconnect();
  });
}

TaskManager::TaskManager(QObject* parent) : QObject(parent) {
  // Torch and OpenCV parallelise inside a job; two jobs at once is plenty on a laptop.
  pool_.setMaxThreadCount(2);
  engine_.setMaxThreadCount(1);
  engine_.setExpiryTimeout(-1);  // keep the thread (and its OpenMP team) for the next job
}

TaskManager::~TaskManager() { cancelAllAndWait(5000); }

Task* TaskManager::start(const QString& title, Task::Work work, Lane lane) {
  auto* task = new Task(title, std::move(work), this);
  tasks_.append(task);
  connect(task, &Task::finished, this, [this, task] {
    emit taskFinished(task);
    emit activeCountChanged(activeTasks().size());
    prune();
  });
  emit taskStarted(task);
  emit activeCountChanged(activeTasks().size());
  (lane == Lane::Engine ? engine_ : pool_).start([task] { task->runInWorker(); });
  return task;
}

void TaskManager::prune() {
  // Finished tasks are kept for a while (the Jobs panel shows the last few, callers read their
  // state); beyond kKeptFinished the oldest go.
  int finished = 0;
  for (Task* t : tasks_) finished += !t->isActive();
  for (auto it = tasks_.begin(); it != tasks_.end() && finished > kKeptFinished;) {
    if ((*it)->isActive()) {
      ++it;
      continue;
    }
    (*it)->deleteLater();
    it = tasks_.erase(it);
    --finished;
  }
}

QList<Task*> TaskManager::activeTasks() const {
  QList<Task*> out;
  for (Task* t : tasks_)
    if (t->isActive()) out.append(t);
  return out;
}

bool TaskManager::cancelAllAndWait(int msecs) {
  for (Task* t : tasks_) t->cancel();
  QElapsedTimer clock;
  clock.start();
  const bool general = pool_.waitForDone(msecs);
  return engine_.waitForDone(std::max(0, msecs - int(clock.elapsed()))) && general;
}

}  // namespace poisonlab::gui
