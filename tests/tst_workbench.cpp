// The first window: the sample model and its filters (data-driven), and a smoke test that
// opens the main window on a small generated data set and finds the poisoned samples.
#include <QApplication>
#include <QLabel>
#include <QListView>
#include <QMessageBox>
#include <QTimer>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "core/poison.h"
#include "main_window.h"
#include "sample_browser.h"
#include "sample_inspector.h"
#include "sample_model.h"
#include "task_manager.h"
#include "test_support.h"

using namespace poisonlab;
using namespace poisonlab::gui;
using namespace poisonlab::testing;

class TestWorkbench : public QObject {
  Q_OBJECT
  QTemporaryDir tmp_;
  std::shared_ptr<const PoisonedDataset> pd_;

 private slots:
  void initTestCase() {
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, tmp_.filePath("settings"));
    QCoreApplication::setOrganizationName("PoisonLabTest");
    PoisonSpec spec;
    spec.count = 7;
    pd_ = std::make_shared<const PoisonedDataset>(
        applyPoison(std::make_shared<const Dataset>(makeDataset(10, 20, 2)), TriggerSpec{}, spec));
  }

  void modelRoles() {
    SampleModel model;
    QCOMPARE(model.rowCount(), 0);
    model.setDataset(pd_);
    QCOMPARE(model.rowCount(), 200);
    const int i = static_cast<int>(pd_->poisonedIndices.front());
    const QModelIndex idx = model.index(i, 0);
    QCOMPARE(idx.data(SampleModel::PoisonedRole).toBool(), true);
    QCOMPARE(idx.data(SampleModel::LabelRole).toInt(), 4);
    QCOMPARE(idx.data(SampleModel::OriginalLabelRole).toInt(), 9);
    QCOMPARE(idx.data(SampleModel::ClassNameRole).toString(), QString("deer"));
    const QImage img = idx.data(SampleModel::ImageRole).value<QImage>();
    QCOMPARE(img.size(), QSize(32, 32));
    QCOMPARE(img.pixelColor(16, 11), QColor(101, 0, 25));  // x = column 16, y = row 11
    const QImage clean = idx.data(SampleModel::CleanImageRole).value<QImage>();
    QVERIFY(clean.pixelColor(16, 11) != QColor(101, 0, 25) || img != clean);
  }

  void filters_data() {
    QTest::addColumn<int>("cls");
    QTest::addColumn<int>("poison");
    QTest::addColumn<QString>("index");
    QTest::addColumn<int>("rows");
    QTest::newRow("everything") << -1 << 0 << "" << 200;
    QTest::newRow("poisoned only") << -1 << 1 << "" << 7;
    QTest::newRow("clean only") << -1 << 2 << "" << 193;
    QTest::newRow("deer (poisoned label)") << 4 << 0 << "" << 27;
    QTest::newRow("truck") << 9 << 0 << "" << 13;
    QTest::newRow("deer and poisoned") << 4 << 1 << "" << 7;
    QTest::newRow("truck and poisoned") << 9 << 1 << "" << 0;
    QTest::newRow("index 5") << -1 << 0 << "5" << 1;
    QTest::newRow("index 5 in class 3") << 3 << 0 << "5" << 0;
    QTest::newRow("not a number") << -1 << 0 << "abc" << 200;
  }
  void filters() {
    QFETCH(int, cls);
    QFETCH(int, poison);
    QFETCH(QString, index);
    QFETCH(int, rows);
    SampleModel model;
    model.setDataset(pd_);
    SampleFilter filter;
    filter.setSourceModel(&model);
    filter.setClassFilter(cls);
    filter.setPoisonFilter(static_cast<SampleFilter::Poison>(poison));
    filter.setIndexFilter(index);
    QCOMPARE(filter.rowCount(), rows);
  }

  void mainWindowSmoke() {
    const QString data = tmp_.filePath("mini.tar.gz");
    Dataset big = makeDataset(10, 520, 3);  // room for the default 500 poisons
    writeTarGz(data.toStdString(), binaryLayout(big));
    MainWindow w;
    w.show();
    Task* task = w.openData(data);
    QSignalSpy finished(task, &Task::finished);
    QVERIFY(finished.wait(30000));
    QCOMPARE(task->state(), Task::State::Succeeded);
    QVERIFY(w.dataset());
    QCOMPARE(w.dataset()->poisonedIndices.size(), std::size_t(500));
    auto* grid = w.findChild<QListView*>("sampleGrid");
    QVERIFY(grid);
    QTRY_COMPARE(grid->model()->rowCount(), 5200);
    // The first poisoned sample is selected and inspected, trigger pixel readable.
    auto* details = w.findChild<QLabel*>("details");
    QVERIFY(details);
    QTRY_VERIFY(details->text().contains("POISONED"));
    QVERIFY2(details->text().contains("(101, 0, 25)"), qPrintable(details->text()));
    // Filtering to poisoned samples shows exactly the 500.
    w.browser()->filter()->setPoisonFilter(SampleFilter::Poison::PoisonedOnly);
    QCOMPARE(grid->model()->rowCount(), 500);
    // Docks are named, so their layout persists.
    QVERIFY(w.findChild<QWidget*>("inspectorDock"));
    QVERIFY(w.findChild<QWidget*>("jobsDock"));
  }

  void badDataShowsError() {
    MainWindow w;
    w.show();
    // The error dialog is modal; close it as soon as it appears.
    QTimer::singleShot(0, [] {});
    bool sawDialog = false;
    QTimer poll;
    connect(&poll, &QTimer::timeout, [&] {
      if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
        sawDialog = box->detailedText().contains("no such file or folder");
        box->accept();
      }
    });
    poll.start(20);
    Task* task = w.openData(tmp_.filePath("missing.tar.gz"));
    QSignalSpy finished(task, &Task::finished);
    QVERIFY(finished.wait(5000));
    QCOMPARE(task->state(), Task::State::Failed);
    QTRY_VERIFY(sawDialog);
    QVERIFY(!w.dataset());
  }
};

QTEST_MAIN(TestWorkbench)
#include "tst_workbench.moc"
