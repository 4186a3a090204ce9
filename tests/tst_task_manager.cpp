// The one background-job mechanism: progress and finished arrive on the GUI thread, cancel
// stops a job within a second, and errors carry their message.
#include <QSignalSpy>
#include <QThread>
#include <QtTest>

#include <atomic>

#include "core/util/error.h"
#include "state/task_manager.h"
#include "test_support.h"

using namespace poisonlab;
using namespace poisonlab::gui;

class TestTaskManager : public QObject {
  Q_OBJECT
 private slots:
  void progressAndFinishOnGuiThread() {
    TaskManager manager;
    QThread* worker = nullptr;
    Task* task = manager.start("count", [&](TaskContext& ctx) {
      worker = QThread::currentThread();
      for (int i = 1; i <= 10; ++i) {
        ctx.progress(i / 10.0, "step " + std::to_string(i));
        QThread::msleep(60);
      }
    });
    QSignalSpy progress(task, &Task::progressChanged);
    QSignalSpy finished(task, &Task::finished);
    bool onGuiThread = true;
    connect(task, &Task::progressChanged, this,
            [&] { onGuiThread = onGuiThread && QThread::currentThread() == thread(); });
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().first().value<Task::State>(), Task::State::Succeeded);
    QVERIFY(progress.count() >= 2);
    QCOMPARE(progress.last().first().toDouble(), 1.0);
    QVERIFY(onGuiThread);
    QVERIFY(worker != nullptr && worker != thread());
    QVERIFY(!manager.hasActiveTasks());
  }

  /// Many short tasks, each posting to the GUI thread while the GUI drains and the manager
  /// prunes (deletes) finished ones: no task may be deleted while its worker still posts to it
  /// (a heap-use-after-free under the ASan suite when the wake-up was posted after the lock).
  void tasksArePrunedOnlyAfterTheirWorkersAreDone() {
    TaskManager manager;
    std::atomic<int> done{0};
    const int n = 700;  // past the 256 finished tasks kept: the oldest are deleted
    for (int i = 0; i < n; ++i)
      manager.start(QStringLiteral("t%1").arg(i), [&done](TaskContext& ctx) {
        for (int k = 0; k < 20; ++k) ctx.post(k);
        ctx.progress(1.0, "done");
        ++done;
      });
    QTRY_VERIFY_WITH_TIMEOUT(done.load() == n && !manager.hasActiveTasks(),
                             60000 * testing::timeScale());
  }

  void cancelWithinASecond() {
    TaskManager manager;
    Task* task = manager.start("forever", [](TaskContext& ctx) {
      for (;;) {
        ctx.cancelToken().throwIfCancelled();
        QThread::msleep(20);
      }
    });
    QSignalSpy finished(task, &Task::finished);
    QTest::qWait(100);
    QVERIFY(manager.hasActiveTasks());
    QElapsedTimer t;
    t.start();
    task->cancel();
    QVERIFY(finished.wait(1000 * testing::timeScale()));
    QVERIFY(t.elapsed() < 1000 * testing::timeScale());
    QCOMPARE(task->state(), Task::State::Cancelled);
  }

  void failureCarriesMessage() {
    TaskManager manager;
    Task* task = manager.start("fail", [](TaskContext&) { throw Error("data.tar.gz: corrupt"); });
    QSignalSpy finished(task, &Task::finished);
    QVERIFY(finished.wait(2000));
    QCOMPARE(task->state(), Task::State::Failed);
    QCOMPARE(task->errorMessage(), QString("data.tar.gz: corrupt"));
  }

  void finishedTasksFreeWhatTheyCaptured() {
    // A task's closure holds what the job needed (a whole data set for a load or a poison):
    // once the task has finished, it is released, whatever the ending.
    TaskManager tm;
    for (int ending = 0; ending < 3; ++ending) {
      auto payload = std::make_shared<std::vector<char>>(1 << 20);
      std::weak_ptr<std::vector<char>> watch = payload;
      Task* t = tm.start("hold", [payload, ending](TaskContext& ctx) {
        if (ending == 1) throw poisonlab::Error("failed on purpose");
        if (ending == 2) ctx.cancelToken().throwIfCancelled();
      });
      if (ending == 2) t->cancel();
      payload.reset();
      QSignalSpy done(t, &Task::finished);
      QVERIFY(done.wait(5000));
      QVERIFY2(watch.expired(), "the finished task still holds its closure");
    }
  }

  void liveResultsArriveTypedAndInOrder() {
    // The typed live channel: values posted by the work arrive on the GUI thread, in order,
    // before finished(), and only to receivers of their type.
    TaskManager tm;
    Task* t = tm.start("live", [](TaskContext& ctx) {
      for (int i = 0; i < 100; ++i) ctx.post(i);
      ctx.post(QString("done"));
    });
    std::vector<int> got;
    QString text;
    bool finishedFirst = false;
    onLive<int>(t, this, [&](const int& v) { got.push_back(v); });
    onLive<QString>(t, this, [&](const QString& v) { text = v; });
    connect(t, &Task::finished, this, [&] { finishedFirst = got.size() < 100; });
    QSignalSpy done(t, &Task::finished);
    QVERIFY(done.wait(5000));
    QCOMPARE(int(got.size()), 100);
    for (int i = 0; i < 100; ++i) QCOMPARE(got[std::size_t(i)], i);
    QCOMPARE(text, QString("done"));
    QVERIFY(!finishedFirst);
  }

  void cancelAllAndWait() {
    TaskManager manager;
    for (int i = 0; i < 2; ++i)
      manager.start("loop", [](TaskContext& ctx) {
        while (!ctx.cancelToken().cancelled()) QThread::msleep(10);
      });
    QTest::qWait(50);
    QVERIFY(manager.cancelAllAndWait(2000));
  }
};

QTEST_GUILESS_MAIN(TestTaskManager)
#include "tst_task_manager.moc"
