#pragma once
// One way of running long work off the GUI thread, used by every job (load, poison, later
// train, detect, unlearn). Modelled on QGIS's QgsTask: the work function runs on a pool thread
// and polls its cancel token; progress and finished() always arrive on the GUI thread.

#include <QObject>
#include <QString>
#include <QThreadPool>
#include <QVariant>

#include <atomic>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>

#include "core/util/progress.h"

namespace poisonlab::gui {

class Task;

/// What a running job sees: a progress callback (thread-safe) and the cancel token.
class TaskContext {
 public:
  explicit TaskContext(Task* task) : task_(task) {}
  /// Reports progress in [0, 1] with a short text; throttled, safe from the worker thread.
  void progress(double fraction, const std::string& text);
  const CancelToken& cancelToken() const;
  /// Sends a live result (a curve point, partial scores) to the GUI thread, in order, where
  /// Task::live delivers it; receive it typed with onLive<T>().
  template <typename T>
  void post(const T& value) {
    postLive(QVariant::fromValue(value));
  }
  /// A core::ProgressFn bound to this context.
  ProgressFn progressFn() {
    return [this](double f, const std::string& t) { progress(f, t); };
  }

 private:
  void postLive(QVariant value);
  Task* task_;
};

/// One background job. Create with TaskManager::start.
class Task : public QObject {
  Q_OBJECT
 public:
  using Work = std::function<void(TaskContext&)>;
  enum class State { Queued, Running, Succeeded, Failed, Cancelled };
  Q_ENUM(State)

  Task(QString title, Work work, QObject* parent = nullptr);
  QString title() const { return title_; }
  State state() const { return state_; }
  double progress() const { return progress_; }
  QString text() const { return text_; }
  QString errorMessage() const { return error_; }
  bool isActive() const { return state_ == State::Queued || state_ == State::Running; }
  /// Asks the work to stop; it finishes with State::Cancelled at its next poll.
  void cancel();
  const CancelToken& cancelToken() const { return cancel_; }

 signals:
  void progressChanged(double fraction, const QString& text);
  /// A live result posted by the work (TaskContext::post), on the GUI thread, before finished().
  void live(const QVariant& value);
  /// Always emitted exactly once, on the GUI thread.
  void finished(poisonlab::gui::Task::State state);

 private:
  friend class TaskManager;
  friend class TaskContext;
  void runInWorker();                                           // pool thread
  void postProgress(double fraction, const std::string& text);  // any thread
  /// Runs `fn` on the GUI thread, after everything posted before it. The closure travels
  /// through a mutex-guarded queue (only a bare "drain" call goes through Qt's event queue),
  /// so what the worker wrote before posting is visibly published to the GUI thread, for the
  /// C++ memory model and for ThreadSanitizer, which cannot see Qt's own locks.
  void postToGui(std::function<void()> fn);  // any thread
  Q_INVOKABLE void drainOutbox();            // GUI thread

  QString title_;
  Work work_;
  CancelToken cancel_;
  State state_ = State::Queued;
  double progress_ = 0;
  QString text_;
  QString error_;
  std::atomic<qint64> lastPostMs_{0};
  std::mutex outboxMutex_;
  std::deque<std::function<void()>> outbox_;
};

/// Owns every task; runs them on its own threads.
class TaskManager : public QObject {
  Q_OBJECT
 public:
  /// Where a task runs. Engine work (training, inference, detection, unlearning) parallelises
  /// inside itself over every core, so engine tasks run one at a time, in order, on one
  /// long-lived thread: two at once only fight for the cores, and a thread of its own would
  /// start a second OpenMP team that competes with the idle one for seconds. Loading and
  /// downloading run beside them.
  enum class Lane { General, Engine };
  explicit TaskManager(QObject* parent = nullptr);
  ~TaskManager() override;
  /// Starts `work` in the background and returns its task (owned by the manager; the oldest
  /// finished tasks are deleted once more than 256 have finished). An engine task waits
  /// (Queued) while another engine task runs. When a task has emitted finished(), every
  /// connection to its signals is dropped.
  Task* start(const QString& title, Task::Work work, Lane lane = Lane::General);
  /// Tasks that have not finished yet.
  QList<Task*> activeTasks() const;
  bool hasActiveTasks() const { return !activeTasks().isEmpty(); }
  /// Cancels every task and waits up to `msecs` for the workers (used when closing).
  bool cancelAllAndWait(int msecs);

 signals:
  void taskStarted(poisonlab::gui::Task* task);
  void taskFinished(poisonlab::gui::Task* task);
  void activeCountChanged(int count);

 private:
  /// Finished tasks kept before the oldest are deleted.
  static constexpr int kKeptFinished = 256;
  void prune();
  QThreadPool pool_;
  QThreadPool engine_;
  QList<Task*> tasks_;
};

/// Calls `fn(const T&)` on the GUI thread for every live result of type T that `task` posts.
template <typename T, typename Fn>
QMetaObject::Connection onLive(Task* task, QObject* receiver, Fn fn) {
  return QObject::connect(task, &Task::live, receiver, [fn](const QVariant& v) {
    if (v.metaType() == QMetaType::fromType<T>()) fn(v.value<T>());
  });
}

}  // namespace poisonlab::gui
