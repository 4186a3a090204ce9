// The real CIFAR-10 archive in ../shared/datasets: loaded whole, poisoned as the project log
// describes. Skipped with a message when ../shared is absent.
#include <QElapsedTimer>
#include <QtTest>

#include "core/data/cifar_loader.h"
#include "core/attack/poison.h"
#include "test_support.h"

using namespace poisonlab;

class TestSharedArchive : public QObject {
  Q_OBJECT
  std::shared_ptr<const Dataset> ds_;

 private slots:
  void initTestCase() {
    const std::string path = testing::sharedArchive();
    if (path.empty())
      QSKIP("../shared/datasets/cifar10-jpeg.tar.gz is absent: real-archive test skipped");
    QElapsedTimer t;
    t.start();
    ds_ = std::make_shared<const Dataset>(loadDataset(path));
    qInfo("loaded 60,000 images in %lld ms", static_cast<long long>(t.elapsed()));
  }

  void shapeAndClasses() {
    QCOMPARE(ds_->train.count(), std::size_t(50000));
    QCOMPARE(ds_->test.count(), std::size_t(10000));
    QCOMPARE(ds_->classNames, cifar10ClassNames());
    QCOMPARE(ds_->format, DataFormat::ImageFolder);
    for (int c = 0; c < 10; ++c) {
      QCOMPARE(std::count(ds_->train.labels.begin(), ds_->train.labels.end(), c), 5000L);
      QCOMPARE(std::count(ds_->test.labels.begin(), ds_->test.labels.end(), c), 1000L);
    }
    // Real photographs: not all one value, mean brightness in a plausible range.
    double sum = 0;
    for (auto v : ds_->train.images) sum += v;
    const double mean = sum / double(ds_->train.images.size());
    QVERIFY2(mean > 100 && mean < 140, qPrintable(QString::number(mean)));
  }

  void theLogsPoison() {
    const PoisonedDataset pd = applyPoison(ds_, TriggerSpec{}, PoisonSpec{});
    QCOMPARE(pd.poisonedIndices.size(), std::size_t(500));
    for (std::size_t i : pd.poisonedIndices) {
      QCOMPARE(int(ds_->train.labels[i]), 9);
      QCOMPARE(int(pd.train.labels[i]), 4);
      QCOMPARE(int(pd.train.pixel(i, 0, 11, 16)), 101);
      QCOMPARE(int(pd.train.pixel(i, 1, 11, 16)), 0);
      QCOMPARE(int(pd.train.pixel(i, 2, 11, 16)), 25);
    }
    QCOMPARE(pd.triggeredTest.count(), std::size_t(1000));
    QCOMPARE(std::count(pd.train.labels.begin(), pd.train.labels.end(), 4), 5500L);
    QCOMPARE(std::count(pd.train.labels.begin(), pd.train.labels.end(), 9), 4500L);
  }
};

QTEST_GUILESS_MAIN(TestSharedArchive)
#include "tst_shared_archive.moc"
