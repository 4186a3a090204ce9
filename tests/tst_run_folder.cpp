// Run folders: written atomically, read back exactly, and rejected clearly when damaged.
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <atomic>
#include <chrono>
#include <fstream>
#include <thread>
#include <nlohmann/json.hpp>

#include "core/detect/detect.h"
#include "core/util/atomic_file.h"
#include "core/util/error.h"
#include "core/util/temp_file.h"
#include "core/run/run_folder.h"
#include "core/run/train_report.h"
#include "core/unlearn/forget_set.h"
#include "core/unlearn/unlearn.h"
#include "test_support.h"

using namespace poisonlab;
using namespace poisonlab::testing;
namespace fs = std::filesystem;

class TestRunFolder : public QObject {
  Q_OBJECT
  QTemporaryDir tmp_;
  std::string dataPath_;
  std::shared_ptr<const Dataset> data_;

  static PoisonSpec smallSpec() {
    PoisonSpec p;
    p.count = 10;
    return p;
  }

  std::string makeRun(const std::string& name, PoisonSpec spec = smallSpec(),
                      TriggerSpec trigger = {}) {
    const std::string run = tmp_.filePath(QString::fromStdString(name)).toStdString();
    const PoisonedDataset pd = applyPoison(data_, trigger, spec);
    writeRun(run, describeExperiment(pd), pd);
    return run;
  }

  void expectError(const std::function<void()>& f, const QString& needle) {
    try {
      f();
      QFAIL("no error");
    } catch (const Error& e) {
      QVERIFY2(QString(e.what()).contains(needle), e.what());
    }
  }

  void editJson(const std::string& run, const std::function<void(nlohmann::json&)>& edit) {
    auto j = nlohmann::json::parse(readTextFile(experimentPath(run)));
    edit(j);
    writeFileAtomic(experimentPath(run), j.dump(2));
  }

 private slots:
  void initTestCase() {
    const Dataset ds = makeDataset(10, 30, 5);
    dataPath_ = tmp_.filePath("data.tar.gz").toStdString();
    writeTarGz(dataPath_, binaryLayout(ds));
    data_ = std::make_shared<const Dataset>(loadDataset(dataPath_));
  }

  void roundTrip() {
    PoisonSpec spec;
    spec.count = 12;
    spec.seed = 7;
    TriggerSpec trig = TriggerSpec::defaults(TriggerType::Patch);
    trig.color = {1, 2, 3};
    const std::string run = makeRun("run1", spec, trig);
    QVERIFY(fs::exists(experimentPath(run)));
    // Nothing temporary left beside the files.
    int files = 0;
    for (auto& e : fs::directory_iterator(run)) {
      ++files;
      QVERIFY2(e.path().string().find(".tmp") == std::string::npos, e.path().c_str());
    }
    QCOMPARE(files, 2);
    const Experiment e = readExperiment(run);
    QCOMPARE(e.poison.count, 12);
    QCOMPARE(e.poison.seed, std::uint64_t(7));
    QCOMPARE(e.trigger.type, TriggerType::Patch);
    QCOMPARE(e.trigger.size, 3);
    QCOMPARE(e.trigger.color[2], 3);
    QCOMPARE(e.numTrain, std::size_t(300));
    QCOMPARE(e.dataSource, fs::absolute(dataPath_).lexically_normal().string());
    const auto rows = readPoisonCsv(run);
    QCOMPARE(rows.size(), std::size_t(12));
    for (const auto& r : rows) {
      QCOMPARE(r.originalLabel, 9);
      QCOMPARE(r.poisonedLabel, 4);
    }
    const PoisonedDataset again = openRun(run);  // reloads the recorded data source
    QCOMPARE(again.poisonedIndices.size(), std::size_t(12));
    QCOMPARE(again.poisonedIndices.front(), rows.front().index);
    QVERIFY(again.train.images == applyPoison(data_, trig, spec).train.images);
  }

  void schemaVersionAndFieldsAreChecked() {
    const std::string run = makeRun("run2");
    editJson(run, [](auto& j) { j["schema_version"] = 99; });
    expectError([&] { readExperiment(run); }, "field 'schema_version': 99 is not supported");
    const std::string run3 = makeRun("run3");
    editJson(run3, [](auto& j) { j["trigger"]["row"] = "eleven"; });
    expectError([&] { readExperiment(run3); },
                "experiment.json: field 'trigger.row': expected an integer");
    const std::string run4 = makeRun("run4");
    editJson(run4, [](auto& j) { j["poison"].erase("seed"); });
    expectError([&] { readExperiment(run4); }, "field 'poison.seed': missing");
    const std::string run5 = makeRun("run5");
    editJson(run5, [](auto& j) { j["trigger"]["color"] = {1, 2, 300}; });
    expectError([&] { readExperiment(run5); }, "trigger colour: blue value 300");
    const std::string run8 = makeRun("run8");
    editJson(run8, [](auto& j) { j["trigger"]["color"] = {1, 2, 4294967397LL}; });  // 2^32 + 101
    expectError([&] { readExperiment(run8); },
                "field 'trigger.color': 4294967397 is outside the range of an integer");
    const std::string run7 = makeRun("run7");
    editJson(run7, [](auto& j) { j["trigger"]["row"] = 4294967307LL; });  // 2^32 + 11
    expectError([&] { readExperiment(run7); },
                "field 'trigger.row': 4294967307 is outside the range of an integer");
    const std::string run6 = makeRun("run6");
    std::ofstream(experimentPath(run6)) << "{ not json";
    expectError([&] { readExperiment(run6); }, "experiment.json: not valid JSON");
    expectError([&] { readExperiment(tmp_.filePath("nothing").toStdString()); },
                "not a run folder");
  }

  void raggedConfusionIsRefused() {
    // A metrics.json whose confusion matrix is not classes x classes is refused when read
    // (it crashed the window that drew it), naming the file and the row.
    const std::string run = makeRun("metrics");
    const PoisonedDataset pd = openRun(run);
    TrainResult r;
    EpochStats e;
    e.epoch = 1;
    r.history = {e};
    r.final.perClassAcc.assign(10, 0.5);
    r.final.confusion.assign(10, std::vector<int>(10, 1));
    writeMetrics(run, TrainConfig{}, r, pd);
    QCOMPARE(readTrainResult(run).final.confusion.size(), std::size_t(10));
    auto j = nlohmann::json::parse(readTextFile(run + "/metrics.json"));
    j["confusion"][3] = {1, 2};
    writeFileAtomic(run + "/metrics.json", j.dump(2));
    expectError([&] { readTrainResult(run); }, "metrics.json: final evaluation: confusion row 3");
  }

  void tamperedPoisonCsvIsDetected() {
    const std::string run = makeRun("run7");
    std::string csv = readTextFile(poisonCsvPath(run));
    csv.replace(csv.find(",9,4"), 4, ",9,5");
    writeFileAtomic(poisonCsvPath(run), csv);
    expectError([&] { openRun(run, data_); }, "does not match the poison recomputed");
    writeFileAtomic(poisonCsvPath(run),
                    std::string("index,original_label,poisoned_label\n12,x,4\n"));
    expectError([&] { readPoisonCsv(run); },
                "poison.csv: line 2: expected index,original_label,poisoned_label");
  }

  void otherDataIsDetected() {
    const std::string run = makeRun("run8");
    auto other = std::make_shared<const Dataset>(makeDataset(10, 31, 5));
    expectError([&] { openRun(run, other); }, "is not the one this run was made on");
  }

  /// A run folder's files are read only where they are regular files within their kind's size:
  /// experiment.json as a link to /dev/zero or a FIFO, or a poison.csv past its limit (a
  /// sparse file: nothing is read to find out), is an error naming the file, at once.
  void runFilesAreRegularAndBounded() {
    const std::string run = makeRun("bounded");
    const std::string experiment = experimentPath(run);
    fs::remove(experiment);
    fs::create_symlink("/dev/zero", experiment);
    expectError([&] { readExperiment(run); }, "experiment.json: not a regular file");
    fs::remove(experiment);
    QCOMPARE(::mkfifo(experiment.c_str(), 0600), 0);
    expectError([&] { readExperiment(run); }, "experiment.json: not a regular file");
    fs::remove(experiment);
    // A link to a regular file is followed (a run folder assembled from links still opens).
    const std::string elsewhere = tmp_.filePath("experiment-elsewhere.json").toStdString();
    writeFileAtomic(elsewhere, readTextFile(experimentPath(makeRun("bounded-source"))));
    fs::create_symlink(elsewhere, experiment);
    QCOMPARE(readExperiment(run).poison.count, smallSpec().count);
    const std::string csv = poisonCsvPath(run);
    fs::resize_file(csv, kCsvFileLimit + 1);
    expectError([&] { readPoisonCsv(run); }, "poison.csv: larger than the 1024 MiB");
    // The limit itself, both sides of it.
    const std::string small = tmp_.filePath("ten.txt").toStdString();
    writeFileAtomic(small, std::string(10, 'x'));
    QCOMPARE(readTextFile(small, 10).size(), std::size_t(10));
    expectError([&] { readTextFile(small, 9); }, "ten.txt: larger than");
    expectError([&] { readTextFile(tmp_.path().toStdString()); }, "not a regular file");
  }

  /// A write's temporary is a new file of its own: links planted under the next names (they
  /// follow PATH.tmp-PID-N) are skipped, never followed, and what they point to is untouched.
  void temporariesNeverFollowAPlantedLink() {
    const std::string path = tmp_.filePath("planted.json").toStdString();
    const std::string victim = tmp_.filePath("victim.txt").toStdString();
    writeFileAtomic(victim, std::string("keep me"));
    std::string first;
    ::close(createTemporary(path, first));
    fs::remove(first);
    const std::string stem = path + ".tmp-" + std::to_string(::getpid()) + "-";
    QVERIFY2(first.rfind(stem, 0) == 0, first.c_str());
    const long n = std::stol(first.substr(stem.size()));
    for (long k = n + 1; k <= n + 5; ++k) fs::create_symlink(victim, stem + std::to_string(k));
    writeFileAtomic(path, std::string("{}"));
    QCOMPARE(readTextFile(victim), std::string("keep me"));
    QCOMPARE(readTextFile(path), std::string("{}"));
    std::string next;
    const int fd = createTemporary(path, next);
    QVERIFY(fd >= 0);
    ::close(fd);
    QCOMPARE(next, stem + std::to_string(n + 7));  // n + 6 was the write's own temporary
    QVERIFY(fs::is_regular_file(fs::symlink_status(next)));
    fs::remove(next);
    for (long k = n + 1; k <= n + 5; ++k) fs::remove(stem + std::to_string(k));
  }

  void atomicWriteReplacesWhole() {
    const std::string path = tmp_.filePath("atomic.txt").toStdString();
    writeFileAtomic(path, std::string("first"));
    writeFileAtomic(path, std::string("second"));
    QCOMPARE(QString::fromStdString(readTextFile(path)), QString("second"));
    expectError(
        [&] { writeFileAtomic(tmp_.filePath("no/such/dir/x").toStdString(), std::string("x")); },
        "cannot write");
  }

  void classNameNotUtf8LeavesNoHalfRun() {
    // A class folder named in Latin-1 ("caf\xe9"): the run is refused before any file is
    // written, naming the class; it used to leave poison.csv without experiment.json.
    Dataset ds = makeDataset(10, 3, 1);
    ds.classNames[9] = "caf\xe9";
    const std::string root = tmp_.filePath("latin1").toStdString();
    writeTree(root, folderLayout(ds, "data"));
    auto loaded = std::make_shared<const Dataset>(loadDataset(root + "/data"));
    PoisonSpec spec;
    spec.count = 2;
    const PoisonedDataset pd = applyPoison(loaded, TriggerSpec{}, spec);
    const std::string run = tmp_.filePath("latin1-run").toStdString();
    expectError([&] { writeRun(run, describeExperiment(pd), pd); }, "is not UTF-8");
    QVERIFY(!std::filesystem::exists(poisonCsvPath(run)));
    QVERIFY(!std::filesystem::exists(experimentPath(run)));
  }

  void staleTemporariesAreCleanedWhenARunOpens() {
    // A write killed between its temporary and its rename leaves NAME.tmp-PID-N behind:
    // opening the run removes old ones and leaves a fresh one (a write in progress) alone.
    // A writer still alive keeps its temporary, however old (a read-only command must not
    // delete another process's write in progress).
    const pid_t dead = ::fork();
    if (dead == 0) ::_exit(0);
    QVERIFY(dead > 0);
    ::waitpid(dead, nullptr, 0);
    const std::string deadTag = ".tmp-" + std::to_string(dead);
    const std::string liveTag = ".tmp-" + std::to_string(::getpid());
    const std::string run = makeRun("stale");
    std::filesystem::create_directories(run + "/unlearn/x");
    const std::string old = run + "/unlearn/x/model.pt" + deadTag + "-1";
    const std::string fresh = run + "/metrics.json" + deadTag + "-2";
    const std::string alive = run + "/checkpoint.pt" + liveTag + "-3";
    writeFileAtomic(old, std::string("half"));
    writeFileAtomic(fresh, std::string("writing"));
    writeFileAtomic(alive, std::string("a long write"));
    for (const auto& p : {old, alive})
      std::filesystem::last_write_time(
          p, std::filesystem::file_time_type::clock::now() - std::chrono::hours(2));
    openRun(run);
    QVERIFY(!std::filesystem::exists(old));
    QVERIFY(std::filesystem::exists(fresh));
    QVERIFY(std::filesystem::exists(alive));
    QCOMPARE(removeStaleTemporaries(run, 0).size(), std::size_t(1));
    QVERIFY(!std::filesystem::exists(fresh));
    QVERIFY(std::filesystem::exists(alive));
  }

  void unlearningRecordsAreChecked() {
    // An unlearning record missing its fields (or not JSON) is refused, naming the file.
    const std::string path = tmp_.filePath("ssd-x.json").toStdString();
    writeFileAtomic(path, std::string(R"({"name": "ssd-x"})"));
    expectError([&] { readUnlearnResult(path); }, "ssd-x.json: not an unlearning record");
    writeFileAtomic(path, std::string("{ not json"));
    expectError([&] { readUnlearnResult(path); }, "ssd-x.json: not valid JSON");
  }

  void indexListsNameTheLineAtFault() {
    // A forget-set CSV: one index a line or an "index" column. An index past 64 bits (found by
    // fuzz_index_csv: std::stoll's out_of_range escaped) or past the training set is refused
    // naming the file and the line; duplicates collapse and the result is ascending.
    const std::string path = tmp_.filePath("forget.csv").toStdString();
    writeFileAtomic(path, std::string("index,flagged\n7,1\n3,0\n7,1\n"));
    QCOMPARE(readIndexCsv(path, 10, false), (std::vector<std::int64_t>{3, 7}));
    QCOMPARE(readIndexCsv(path, 10, true), (std::vector<std::int64_t>{7}));
    writeFileAtomic(path, std::string("1\n99999999999999999999999\n"));
    expectError([&] { readIndexCsv(path, 10, false); },
                "forget.csv: line 2: index 99999999999999999999999 is outside 0..9");
    writeFileAtomic(path, std::string("1\n10\n"));
    expectError([&] { readIndexCsv(path, 10, false); }, "forget.csv: line 2: index 10 is outside");
    writeFileAtomic(path, std::string("1\nx\n"));
    expectError([&] { readIndexCsv(path, 10, false); }, "forget.csv: line 2: 'x' has no training");
  }

  void detectionRowsAreChecked() {
    // A detector's CSV: indices whole, ascending and unique, labels whole (found by
    // fuzz_run_files: unsorted rows were accepted, and NaN or 1e300 would have been cast to an
    // integer); with the data, within its training set and classes.
    const std::string run = tmp_.filePath("detections").toStdString();
    const std::string dir = detectDir(run);
    std::filesystem::create_directories(dir);
    writeFileAtomic(dir + "/x.json", std::string(R"({"method": "spectral"})"));
    auto csv = [&](const std::string& rows) {
      writeFileAtomic(dir + "/x.csv", "index,label,score,flagged,poisoned\n" + rows);
    };
    csv("0,1,0.5,0,0\n3,2,0.7,1,1\n");
    QCOMPARE(readDetection(run, "x").indices, (std::vector<std::int64_t>{0, 3}));
    csv("3,1,0.5,0,0\n0,2,0.7,1,1\n");
    expectError([&] { readDetection(run, "x"); }, "x.csv:3: index 0 is not above the row before's");
    csv("nan,1,0.5,0,0\n");
    expectError([&] { readDetection(run, "x"); }, "x.csv:2: index nan is not a training sample");
    csv("1e300,1,0.5,0,0\n");
    expectError([&] { readDetection(run, "x"); }, "x.csv:2: index 1e300 is not a training sample");
    csv("2.5,1,0.5,0,0\n");
    expectError([&] { readDetection(run, "x"); }, "x.csv:2: index 2.5 is not a training sample");
    csv("1,-1,0.5,0,0\n");
    expectError([&] { readDetection(run, "x"); }, "x.csv:2: label -1 is not a class");
  }

  void concurrentWritersNeverInterleave() {
    // Eight threads replace one file 20 times each with 256 KB of their own byte: every read
    // sees one writer's whole content, and no temporary file is left behind.
    const std::string path = tmp_.filePath("shared.bin").toStdString();
    writeFileAtomic(path, std::string(1 << 18, 'a'));
    std::atomic<bool> torn{false};
    std::vector<std::thread> writers;
    for (int w = 0; w < 8; ++w)
      writers.emplace_back([&, w] {
        const std::string mine(1 << 18, char('a' + w));
        for (int k = 0; k < 20; ++k) {
          writeFileAtomic(path, mine);
          const std::string seen = readTextFile(path);
          if (seen.size() != mine.size() ||
              seen.find_first_not_of(seen.front()) != std::string::npos)
            torn = true;
        }
      });
    for (auto& t : writers) t.join();
    QVERIFY(!torn);
    for (const auto& e : std::filesystem::directory_iterator(tmp_.path().toStdString()))
      QVERIFY2(e.path().filename().string().find(".tmp-") == std::string::npos, e.path().c_str());
  }
};

QTEST_GUILESS_MAIN(TestRunFolder)
#include "tst_run_folder.moc"
