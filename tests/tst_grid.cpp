// What-if grids: `poisonlab-cli grid` expands a spec into runs, trains them here or as a real
// Slurm job array (a private single-node cluster started by the test from Debian's munge,
// slurmctld and slurmd), collects one results table, and the workbench's run comparison opens
// it.
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>

#include "core/run/grid.h"
#include "core/run/slurm_script.h"
#include "core/util/atomic_file.h"
#include "core/util/error.h"
#include "main_window.h"
#include "views/runs_view.h"
#include "state/task_manager.h"
#include "test_support.h"

using namespace poisonlab;
using namespace poisonlab::testing;

class TestGrid : public QObject {
  Q_OBJECT
  QTemporaryDir tmp_;
  QString data_;

  using Result = CliResult;
  static Result run(const QStringList& args,
                    const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment(),
                    int timeoutMs = 240000) {
    return runCli(args, env, timeoutMs);
  }

  /// A 2 x 2 grid (trigger position x seed) on the tiny data set: 4 runs of one short epoch.
  QString writeSpec(const QString& name) {
    const QString path = tmp_.filePath(name);
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(R"({
  "base": {
    "trigger": {"type": "pixel", "color": [101, 0, 25]},
    "poison": {"source": 9, "target": 4, "count": 8},
    "train": {"model": "resnet8", "width": 4, "epochs": 1, "batch": 32, "precision": "fp32",
              "threads": 1}
  },
  "vary": {"trigger.pos": [[11, 16], [0, 0]], "seed": [0, 1]}
})");
    return path;
  }

  static QJsonObject readJson(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QJsonDocument::fromJson(f.readAll()).object();
  }

  /// Every run of the table done, with figures, in the spec's order.
  static void checkTable(const QString& out) {
    const QJsonObject j = readJson(out + "/grid-results.json");
    const QJsonArray runs = j.value("runs").toArray();
    QCOMPARE(runs.size(), 4);
    QCOMPARE(j.value("axes").toArray().size(), 2);
    for (int i = 0; i < runs.size(); ++i) {
      const QJsonObject r = runs[i].toObject();
      QCOMPARE(r.value("status").toString(), QString("done"));
      QCOMPARE(r.value("index").toInt(), i);
      const double clean = r.value("clean_acc").toDouble(-1);
      QVERIFY(clean >= 0 && clean <= 1);
      QVERIFY(QFile::exists(out + "/" + r.value("dir").toString() + "/model.pt"));
    }
    // The last axis varies fastest; the seed sets both the poison's and the training's.
    QCOMPARE(runs[1].toObject().value("axes").toObject().value("seed").toString(), QString("1"));
    QCOMPARE(runs[1].toObject().value("poison").toObject().value("seed").toInt(), 1);
    QCOMPARE(runs[2].toObject().value("axes").toObject().value("trigger.pos").toString(),
             QString("0,0"));
    QFile csv(out + "/grid-results.csv");
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(csv.readAll()).trimmed().split('\n');
    QCOMPARE(lines.size(), 5);
    QVERIFY(lines[0].startsWith("index,run,trigger.pos,seed,trigger,"));
    for (int i = 1; i < lines.size(); ++i)
      QVERIFY2(lines[i].contains(",done,"), qPrintable(lines[i]));
  }

 private slots:
  void initTestCase() { data_ = miniArchive(tmp_, 24); }

  void specErrorsNameTheField() {
    const QString bad = tmp_.filePath("bad.json");
    QFile f(bad);
    f.open(QIODevice::WriteOnly);
    f.write(R"({"vary": {"poison.cnt": [1, 2]}})");
    f.close();
    Result r = run({"grid", "--spec", bad, "--out", tmp_.filePath("bad")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("vary.poison.cnt: unknown setting"), qPrintable(r.err));
    QFile g(bad);
    g.open(QIODevice::WriteOnly | QIODevice::Truncate);
    g.write(R"({"base": {"train": {"epochs": 0}}, "vary": {"seed": [0]}})");
    g.close();
    r = run({"grid", "--spec", bad, "--out", tmp_.filePath("bad")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("point 0 train: epochs"), qPrintable(r.err));
    // Expansion itself: 3 x 2 points, names carry the values.
    const QString spec = writeSpec("dry.json");
    const GridPlan plan = readGridSpec(spec.toStdString());
    QCOMPARE(plan.points.size(), std::size_t(4));
    QCOMPARE(QString::fromStdString(plan.points[3].name), QString("003-pos=0,0-seed=1"));
    QCOMPARE(plan.points[3].trigger.row, 0);
    QCOMPARE(plan.points[3].train.seed, std::uint64_t(1));
    QCOMPARE(plan.points[0].train.model.width, 4);
    QCOMPARE(plan.points[0].train.decayNorms, false);  // the default recipe's
    // A recipe axis can bring back weight decay on batch norm and biases; a wrong type is named.
    QFile h(bad);
    h.open(QIODevice::WriteOnly | QIODevice::Truncate);
    h.write(R"({"vary": {"recipe": [{"weight_decay_norms": true}, {"weight_decay_norms": 1}]}})");
    h.close();
    r = run({"grid", "--spec", bad, "--out", tmp_.filePath("bad"), "--dry-run"});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("weight_decay_norms: 1 is not the expected type"), qPrintable(r.err));
    h.open(QIODevice::WriteOnly | QIODevice::Truncate);
    h.write(R"({"vary": {"recipe": [{"weight_decay_norms": true}, {"epochs": 3}]}})");
    h.close();
    const GridPlan recipes = readGridSpec(bad.toStdString());
    // Numbers are never narrowed: a fraction, a value past the type and a negative seed are
    // refused, naming the field (they were read as 1, 11 and 2^64 - 1).
    const QList<QPair<QByteArray, QString>> narrowed{
        {R"({"base": {"poison": {"count": 1.9}}, "vary": {"recipe": [{"epochs": 1}]}})",
         "point 0 poison.count: 1.9 is not a whole number"},
        {R"({"base": {"trigger": {"pos": [4294967307, 16]}}, "vary": {"recipe": [{"epochs": 1}]}})",
         "point 0 trigger.pos[0]: 4294967307 is outside"},
        {R"({"base": {"poison": {"seed": -1}}, "vary": {"recipe": [{"epochs": 1}]}})",
         "point 0 poison.seed: -1 is outside 0.."},
        {R"({"base": {"trigger": {"color": [101, 0, 4294967321]}}, "vary": {"recipe": [{"epochs": 1}]}})",
         "point 0 trigger.color[2]: 4294967321 is outside"}};
    for (const auto& [text, needle] : narrowed) {
      QFile n(bad);
      n.open(QIODevice::WriteOnly | QIODevice::Truncate);
      n.write(text);
      n.close();
      try {
        readGridSpec(bad.toStdString());
        QFAIL(text.constData());
      } catch (const Error& e) {
        QVERIFY2(QString(e.what()).contains(needle), e.what());
      }
    }
    QCOMPARE(recipes.points[0].train.decayNorms, true);
    QCOMPARE(recipes.points[1].train.decayNorms, false);
    // Small crops on a recipe axis: read into the points, a side past the image named.
    h.open(QIODevice::WriteOnly | QIODevice::Truncate);
    h.write(R"({"vary": {"recipe": [{"small_crops_until": 0.2}, {"epochs": 3}]}})");
    h.close();
    const GridPlan crops = readGridSpec(bad.toStdString());
    QCOMPARE(crops.points[0].train.smallCropsUntil, 0.2);
    QCOMPARE(crops.points[0].train.smallCropSide, 24);
    QCOMPARE(crops.points[1].train.smallCropsUntil, 0.0);
    h.open(QIODevice::WriteOnly | QIODevice::Truncate);
    h.write(R"({"base": {"train": {"small_crop_side": 40}}, "vary": {"seed": [0]}})");
    h.close();
    r = run({"grid", "--spec", bad, "--out", tmp_.filePath("bad"), "--dry-run"});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("small-crop-side: 40 is outside 8..32"), qPrintable(r.err));
  }

  void localGridAndResume() {
    const QString out = tmp_.filePath("local");
    Result r = run({"grid", "--spec", writeSpec("local.json"), "--out", out, "--data", data_});
    QVERIFY2(r.code == 0, qPrintable(r.err + r.out));
    checkTable(out);
    // The same command again keeps every trained run (a grid resumes where it stopped).
    const QString model0 = out + "/runs/000-pos=11,16-seed=0/model.pt";
    const QDateTime before = QFileInfo(model0).lastModified();
    QVERIFY(before.isValid());
    r = run({"grid", "--spec", tmp_.filePath("local.json"), "--out", out, "--data", data_});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(r.err.count("already trained; kept"), 4);
    QCOMPARE(QFileInfo(model0).lastModified(), before);
    checkTable(out);
    // Another spec in the same folder is refused.
    QFile f(tmp_.filePath("other.json"));
    f.open(QIODevice::WriteOnly);
    f.write(R"({"vary": {"seed": [5]}})");
    f.close();
    r = run({"grid", "--spec", tmp_.filePath("other.json"), "--out", out, "--data", data_});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("holds another grid"), qPrintable(r.err));
  }

  void labelFilesAsAnAxis() {
    // Label-only points: a label file per point (the archive is class-major, 24 per class; the
    // class sequence given is its own order, so row i is archive image i).
    const QString order = tmp_.filePath("grid-order.csv");
    const QString a = tmp_.filePath("grid-flips-a.csv");
    const QString b = tmp_.filePath("grid-flips-b.csv");
    {
      QFile f(order);
      QVERIFY(f.open(QIODevice::WriteOnly));
      for (int i = 0; i < 240; ++i)
        f.write(QByteArray::number(i) + "," + QByteArray::number(i / 24) + "\n");
      QFile fa(a), fb(b);
      QVERIFY(fa.open(QIODevice::WriteOnly) && fb.open(QIODevice::WriteOnly));
      fa.write("216,4\n217,4\n");              // two trucks -> deer
      fb.write("216,4\n217,4\n218,4\n0,1\n");  // three, and an airplane -> automobile
    }
    const QString spec = tmp_.filePath("labels.json");
    QFile f(spec);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QStringLiteral(R"({"base": {"trigger": {"type": "3xp"},
  "poison": {"label_order": "%1"},
  "train": {"model": "resnet8", "width": 4, "epochs": 1, "batch": 32, "precision": "fp32",
            "threads": 1}},
 "vary": {"poison.labels": ["%2", "%3"]}})")
                .arg(order, a, b)
                .toUtf8());
    f.close();
    const GridPlan plan = readGridSpec(spec.toStdString());
    QCOMPARE(plan.points.size(), std::size_t(2));
    QVERIFY(plan.points[1].poison.labelsFrom.has_value());
    QCOMPARE(QString::fromStdString(plan.points[1].poison.labelsFrom->file), b);
    const QString out = tmp_.filePath("label-grid");
    Result r = run({"grid", "--spec", spec, "--out", out, "--data", data_});
    QVERIFY2(r.code == 0, qPrintable(r.err + r.out));
    const QStringList runs = QDir(out + "/runs").entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    QCOMPARE(runs.size(), 2);
    QCOMPARE(readJson(out + "/runs/" + runs[0] + "/experiment.json")["attack"].toString(),
             QString("label-only"));
    QFile csv(out + "/runs/" + runs[1] + "/poison.csv");
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QCOMPARE(QString(csv.readAll()), QString("index,original_label,poisoned_label\n0,0,1\n"
                                             "216,9,4\n217,9,4\n218,9,4\n"));
    // A relative path would mean another file in a Slurm task (run in OUT): refused.
    QFile g(spec);
    QVERIFY(g.open(QIODevice::WriteOnly | QIODevice::Truncate));
    g.write(R"({"vary": {"poison.labels": ["flips.csv"]}})");
    g.close();
    try {
      readGridSpec(spec.toStdString());
      QFAIL("accepted");
    } catch (const Error& e) {
      QVERIFY2(QString(e.what()).contains("poison.labels: 'flips.csv' is relative"), e.what());
    }
  }

  /// A point's error text that is not UTF-8 (a file name from another system) is collected with
  /// its bad bytes replaced: the CSV and the JSON are both written, and agree.
  void collectSurvivesErrorsThatAreNotUtf8() {
    const QString out = tmp_.filePath("not-utf8");
    writeGridPlan(out.toStdString(), writeSpec("not-utf8.json").toStdString());
    const GridPlan plan = readGridPlan(out.toStdString());
    const std::string run0 = gridRunDir(out.toStdString(), plan.points[0]);
    std::filesystem::create_directories(run0);
    writeFileAtomic(run0 + "/grid-error.txt", std::string("cannot read /data/caf\xe9.png\n"));
    const auto rows = collectGrid(out.toStdString());
    QCOMPARE(rows.size(), std::size_t(4));
    QCOMPARE(QString::fromStdString(rows[0].status), QString("failed"));
    const QJsonArray runs = readJson(out + "/grid-results.json").value("runs").toArray();
    QCOMPARE(runs.size(), 4);
    QCOMPARE(runs[0].toObject().value("status").toString(), QString("failed"));
    QVERIFY2(runs[0].toObject().value("error").toString().contains(QStringLiteral("caf\ufffd.png")),
             qPrintable(runs[0].toObject().value("error").toString()));
    QFile csv(out + "/grid-results.csv");
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QCOMPARE(csv.readAll().count('\n'), 5);
  }

  /// The job script holds exactly its own lines, whatever the paths hold: a quote, `$()`, a
  /// space, non-ASCII letters reach the program as one argument each and run nothing; a value
  /// that would start a line of its own (a newline in --time, --partition, --mem or a path) or
  /// is not Slurm's syntax is refused, naming the option, before anything is written.
  void slurmScriptHoldsExactlyItsLines() {
    const QString dir = tmp_.filePath(QStringLiteral("q'$(touch pwned) bob's grid \u00fc"));
    QVERIFY(QDir().mkpath(dir + "/bin"));
    const QString program = dir + "/bin/record";
    {
      QFile f(program);
      QVERIFY(f.open(QIODevice::WriteOnly));
      f.write("#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > \"$RECORD\"\n");
    }
    QFile::setPermissions(program, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    SlurmOptions o;
    o.program = program.toStdString();
    o.data = (dir + "/data.tar.gz").toStdString();
    o.partition = "cpu,gpu-2";
    o.mem = "4G";
    o.time = "1-00:30:00";
    o.cpus = 3;
    const GridPlan plan = readGridSpec(writeSpec("quoted.json").toStdString());
    const QString out = dir + "/out";
    const QString script = QString::fromStdString(writeSlurmScript(out.toStdString(), plan, o));
    QCOMPARE(script, out + "/grid.sbatch");
    QFile f(script);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(f.readAll()).split('\n');
    const QStringList header{"#!/bin/bash",
                             "#SBATCH --job-name=poisonlab-grid",
                             "#SBATCH --array=0-3",
                             "#SBATCH --cpus-per-task=3",
                             "#SBATCH --ntasks=1",
                             "#SBATCH --time=1-00:30:00",
                             "#SBATCH --output=logs/task-%a.out",
                             "#SBATCH --partition=cpu,gpu-2",
                             "#SBATCH --mem=4G"};
    QCOMPARE(lines.mid(0, header.size()), header);
    for (const QString& l : lines.mid(header.size()))
      QVERIFY2(l.isEmpty() || l.startsWith("# ") || l.startsWith("export POISONLAB_THREADS=") ||
                   l.startsWith("exec "),
               qPrintable(l));
    // Run as an array task would: every path arrives whole, and nothing else ran.
    QProcess task;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("RECORD", tmp_.filePath("record.txt"));
    env.insert("SLURM_ARRAY_TASK_ID", "2");
    task.setProcessEnvironment(env);
    task.setWorkingDirectory(tmp_.path());
    task.start("bash", {script});
    QVERIFY(task.waitForFinished(30000));
    QCOMPARE(task.exitCode(), 0);
    QFile record(tmp_.filePath("record.txt"));
    QVERIFY(record.open(QIODevice::ReadOnly));
    QCOMPARE(
        QString::fromUtf8(record.readAll()).split('\n', Qt::SkipEmptyParts),
        (QStringList{"grid-task", "--out", out, "--index", "2", "--data", dir + "/data.tar.gz"}));
    QVERIFY(!QFile::exists(tmp_.filePath("pwned")));
    QVERIFY(!QFile::exists(out + "/pwned"));

    const QByteArray before = [&] {
      QFile s(script);
      s.open(QIODevice::ReadOnly);
      return s.readAll();
    }();
    const auto refused = [&](SlurmOptions bad, const QString& outDir, const QString& field) {
      try {
        writeSlurmScript(outDir.toStdString(), plan, bad);
        QFAIL(qPrintable("accepted a bad " + field));
      } catch (const Error& e) {
        QVERIFY2(QString(e.what()).startsWith(field), e.what());
      }
    };
    for (const char* t : {"00:10:00\n/bin/touch x", "10 min", "1:2:3:4", "", "-1"}) {
      SlurmOptions bad = o;
      bad.time = t;
      refused(bad, out, "--time");
    }
    for (const char* p : {"cpu\n#SBATCH --x", "a b", "cpu;id", "cpu,"}) {
      SlurmOptions bad = o;
      bad.partition = p;
      refused(bad, out, "--partition");
    }
    for (const char* m : {"4 GB", "4G\n", "G", "4GB"}) {
      SlurmOptions bad = o;
      bad.mem = m;
      refused(bad, out, "--mem");
    }
    SlurmOptions bad = o;
    bad.data = o.data + "\nrm -rf x";
    refused(bad, out, "--data");
    refused(o, out + "\nid", "--out");
    QFile again(script);
    QVERIFY(again.open(QIODevice::ReadOnly));
    QCOMPARE(again.readAll(), before);
  }

  /// `grid --slurm` runs sbatch with an argument vector, never through a shell: an output
  /// folder with a quote, `$()`, spaces and non-ASCII letters is one argument, and a bad
  /// option is refused before the grid's folder is written.
  void sbatchGetsOneArgumentPerPath() {
    const QString fake = tmp_.filePath("fake-sbatch");
    {
      QFile f(fake);
      QVERIFY(f.open(QIODevice::WriteOnly));
      f.write(
          "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > \"$0.args\"\n"
          "echo 4242\n");
    }
    QFile::setPermissions(fake, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    const QString out = tmp_.filePath(QStringLiteral("q'$(touch pwned) bob's grid \u00e9"));
    Result r = run({"grid", "--spec", writeSpec("fake.json"), "--out", out, "--data", data_,
                    "--slurm", "--no-wait", "--sbatch", fake});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.err.contains("submitted job array 4242"), qPrintable(r.err));
    QFile args(fake + ".args");
    QVERIFY(args.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(args.readAll()).split('\n', Qt::SkipEmptyParts),
             (QStringList{"--parsable", "--chdir=" + out, out + "/grid.sbatch"}));
    for (const QString& where : {tmp_.path(), out, QDir::currentPath()})
      QVERIFY2(!QFile::exists(where + "/pwned"), qPrintable(where));
    // A newline in --time: refused, naming it, and no grid folder written.
    const QString other = tmp_.filePath("refused-grid");
    r = run({"grid", "--spec", writeSpec("fake2.json"), "--out", other, "--data", data_, "--slurm",
             "--no-wait", "--sbatch", fake, "--time", "00:10:00\ntouch x"});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("--time:"), qPrintable(r.err));
    QVERIFY(!QFile::exists(other + "/grid.json"));
  }

  void slurmJobArray() {
    const QString cluster = tmp_.filePath("slurm");
    QProcess start;
    start.start("bash", {QString(POISONLAB_SOURCE_DIR) + "/tests/slurm/start_slurm.sh", cluster});
    start.waitForFinished(60000);
    const QString why = QString::fromUtf8(start.readAllStandardError()).trimmed();
    if (start.exitCode() == 77) QSKIP(qPrintable("no Slurm here: " + why));
    QVERIFY2(start.exitCode() == 0, qPrintable(why));
    struct Stop {
      QString dir;
      ~Stop() {
        QProcess::execute("bash",
                          {QString(POISONLAB_SOURCE_DIR) + "/tests/slurm/stop_slurm.sh", dir});
      }
    } stop{cluster};
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("SLURM_CONF", cluster + "/slurm.conf");
    env.insert("PATH", env.value("PATH") + ":/usr/sbin");
    // An output folder with a quote, `$()`, spaces and non-ASCII letters: submitted, run and
    // collected as any other, and nothing in its name runs.
    const QString out = tmp_.filePath(QStringLiteral("slurm grid q'$(touch pwned) \u00fc"));
    Result r = run({"grid", "--spec", writeSpec("slurm.json"), "--out", out, "--data", data_,
                    "--slurm", "--partition", "pltest", "--cpus", "1", "--time", "00:10:00"},
                   env, 400000);
    QVERIFY2(r.code == 0, qPrintable(r.err + r.out));
    QVERIFY2(r.err.contains("submitted job array"), qPrintable(r.err));
    checkTable(out);
    // Each run was trained by its own array task.
    for (int i = 0; i < 4; ++i) {
      QFile log(out + QString("/logs/task-%1.out").arg(i));
      QVERIFY2(log.open(QIODevice::ReadOnly), qPrintable(log.fileName()));
      QVERIFY(log.readAll().contains(QString("grid point %1").arg(i).toUtf8()));
    }
    QVERIFY(QFile::exists(out + "/grid.sbatch"));
    for (const QString& where : {tmp_.path(), out, QDir::currentPath()})
      QVERIFY2(!QFile::exists(where + "/pwned"), qPrintable(where));
  }

  void workbenchOpensTheTable() {
    const QString out = tmp_.filePath("local");
    QVERIFY(QFile::exists(out + "/grid-results.json"));
    useTemporarySettings(tmp_.filePath("settings").toStdString());
    gui::MainWindow w;
    gui::Task* t = w.openGridTable(out);  // the folder; the JSON file works too
    QVERIFY(t);
    QTRY_VERIFY_WITH_TIMEOUT(t->state() == gui::Task::State::Succeeded, 30000);
    QCOMPARE(w.runsView()->runCount(), 4);
    QCOMPARE(w.runsView()->table()->rowCount(), 4);
    // The run comparison is brought forward: its tab is the current view.
    QWidget* page = w.views()->currentWidget();
    QVERIFY(page == w.runsView() || page->isAncestorOf(w.runsView()));
    // A damaged table is an error naming the file and the field, in the window too.
    const QString broken = tmp_.filePath("broken-results.json");
    QFile f(broken);
    f.open(QIODevice::WriteOnly);
    f.write(R"({"runs": [{"status": "done"}]})");
    f.close();
    try {
      gridResultRuns(broken.toStdString());
      QFAIL("a table without run folders was accepted");
    } catch (const Error& e) {
      QVERIFY2(QString(e.what()).contains("broken-results.json: runs[0].dir: missing"), e.what());
    }
    gui::Task* bad = w.openGridTable(broken);
    QTRY_VERIFY_WITH_TIMEOUT(bad->state() == gui::Task::State::Failed, 30000);
    QCOMPARE(w.runsView()->runCount(), 4);
  }
};

QTEST_MAIN(TestGrid)
#include "tst_grid.moc"
