// poisonlab-cli end to end on a small generated data set: poison, preview, info, and the
// errors a user meets first. Runs the real program with QProcess.
#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <filesystem>

#include "core/run/run_folder.h"
#include "usage.h"
#include "test_support.h"

using namespace poisonlab;
using namespace poisonlab::testing;

class TestCli : public QObject {
  Q_OBJECT
  QTemporaryDir tmp_;
  QString data_;

  using Result = CliResult;
  static Result run(const QStringList& args,
                    const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment()) {
    return runCli(args, env);
  }

 private slots:
  void initTestCase() { data_ = miniArchive(tmp_, 40); }

  void helpAndManPageComeFromTheOptionTable() {
    // One table declares each command's options (what its parser accepts), --help and the man
    // page: every declared option is documented, and nothing undeclared is.
    const QRegularExpression optionToken("--([a-z][a-z0-9-]*)");
    for (const auto& c : cli::commandDocs()) {
      const QString synopsis = QString::fromStdString(c.synopsis);
      QSet<QString> written;
      for (auto it = optionToken.globalMatch(synopsis); it.hasNext();)
        written.insert(it.next().captured(1));
      QSet<QString> declared;
      for (const auto& v : c.valued) declared.insert(QString::fromStdString(v));
      for (const auto& f : c.flags) declared.insert(QString::fromStdString(f));
      for (const auto& d : declared)
        QVERIFY2(written.contains(d), qPrintable(QString::fromStdString(c.name) + ": --" + d +
                                                 " is accepted but not documented"));
      for (const auto& w : written)
        QVERIFY2(declared.contains(w), qPrintable(QString::fromStdString(c.name) + ": --" + w +
                                                  " is documented but not accepted"));
    }
    // The program prints the same table.
    const Result help = run({"--help"});
    QCOMPARE(help.code, 0);
    QCOMPARE(help.out, QString::fromStdString(cli::usageText()));
    const Result one = run({"help", "train"});
    QCOMPARE(one.code, 0);
    QVERIFY(one.out.contains("--decay-norms"));
    QVERIFY(!one.out.contains("--export-features"));
    // COMMAND --help and -h, as git and cargo take them: that command's help, exit 0, wherever
    // an option would stand (not as an option's value).
    for (const QStringList& args : {QStringList{"train", "--help"}, QStringList{"train", "-h"},
                                    QStringList{"train", "--run", "x", "--help"}}) {
      const Result h = run(args);
      QCOMPARE(h.code, 0);
      QCOMPARE(h.out, one.out);
    }
    QCOMPARE(run({"grid", "-h"}).out,
             QString::fromStdString(cli::commandHelp(cli::commandDoc("grid"))));
    const Result unknown = run({"help", "trian"});
    QCOMPARE(unknown.code, 1);
    QVERIFY(unknown.err.contains("unknown command 'trian'"));
    // An option the table does not declare is refused by the command's parser.
    const Result refused = run({"train", "--run", tmp_.filePath("x"), "--momentum-x", "1"});
    QCOMPARE(refused.code, 1);
    QVERIFY2(refused.err.contains("momentum-x"), qPrintable(refused.err));
    // The man page: roff, section 1, every command and every option (dashes escaped).
    const Result man = run({"--man", "2026-11-27"});
    QCOMPARE(man.code, 0);
    QVERIFY(man.out.contains(".TH POISONLAB\\-CLI 1 \"2026-11-27\""));
    for (const auto& c : cli::commandDocs()) {
      QVERIFY(man.out.contains(".B " + QString::fromStdString(c.name).replace("-", "\\-")));
      for (const auto& v : c.valued)
        QVERIFY2(man.out.contains("\\-\\-" + QString::fromStdString(v).replace("-", "\\-")),
                 qPrintable(QString::fromStdString(v)));
    }
    QVERIFY(!man.out.contains("\n.\n"));  // no empty request lines
    // docs/cli.md is the program's --reference, as generated (regenerate it when this fails:
    // build/bin/poisonlab-cli --reference > docs/cli.md).
    const Result ref = run({"--reference"});
    QCOMPARE(ref.code, 0);
    QFile doc(POISONLAB_SOURCE_DIR "/docs/cli.md");
    QVERIFY2(doc.open(QIODevice::ReadOnly), "docs/cli.md is missing");
    QVERIFY2(QString::fromUtf8(doc.readAll()) == ref.out,
             "docs/cli.md differs from poisonlab-cli --reference: regenerate it");
  }

  void poisonAndPreview() {
    const QString runDir = tmp_.filePath("run");
    Result r =
        run({"poison", "--data", data_, "--out", runDir, "--count", "25", "--seed", "3", "--json"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(r.json.value("poisoned").toInt(), 25);
    QCOMPARE(r.json.value("source").toInt(), 9);
    QCOMPARE(r.json.value("target").toInt(), 4);
    const auto rows = readPoisonCsv(runDir.toStdString());
    QCOMPARE(rows.size(), std::size_t(25));
    for (const auto& row : rows) QVERIFY(row.originalLabel == 9 && row.poisonedLabel == 4);

    const QString png = tmp_.filePath("preview.png");
    r = run({"preview", "--run", runDir, "--index", QString::number(rows[0].index), "--out", png,
             "--json"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(r.json.value("poisoned").toBool());
    const QImage img(png);
    QCOMPARE(img.size(), QSize(256, 256));
    // Every screen pixel of the 8x8 block at row 11, column 16 is (101, 0, 25).
    for (int dy = 0; dy < 8; ++dy)
      for (int dx = 0; dx < 8; ++dx)
        QCOMPARE(img.pixelColor(16 * 8 + dx, 11 * 8 + dy), QColor(101, 0, 25));

    // With --mark-trigger the outline is drawn around, not over, the trigger pixel.
    r = run({"preview", "--run", runDir, "--index", QString::number(rows[0].index), "--out", png,
             "--mark-trigger", "--scale", "4"});
    QCOMPARE(r.code, 0);
    const QImage marked(png);
    QCOMPARE(marked.size(), QSize(128, 128));
    QCOMPARE(marked.pixelColor(16 * 4 + 1, 11 * 4 + 1), QColor(101, 0, 25));
    QCOMPARE(marked.pixelColor(16 * 4 - 1, 11 * 4 + 1), QColor(0, 255, 0));
  }

  void sameSeedSameRun() {
    const QString a = tmp_.filePath("a"), b = tmp_.filePath("b");
    QCOMPARE(run({"poison", "--data", data_, "--out", a, "--count", "10", "--seed", "9"}).code, 0);
    QCOMPARE(run({"poison", "--data", data_, "--out", b, "--count", "10", "--seed", "9"}).code, 0);
    QFile fa(a + "/poison.csv"), fb(b + "/poison.csv");
    QVERIFY(fa.open(QIODevice::ReadOnly) && fb.open(QIODevice::ReadOnly));
    QCOMPARE(fa.readAll(), fb.readAll());
  }

  void poisonKeepsSomeoneElsesFiles() {
    // A folder that is no run but holds a poison.csv: not overwritten without --force.
    const QString dir = tmp_.filePath("not-a-run");
    QVERIFY(QDir().mkpath(dir));
    {
      QFile f(dir + "/poison.csv");
      QVERIFY(f.open(QIODevice::WriteOnly));
      f.write("my own table\n");
    }
    Result r = run({"poison", "--data", data_, "--out", dir, "--count", "10"});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("holds a poison.csv but no experiment"), qPrintable(r.err));
    QFile f(dir + "/poison.csv");
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("my own table\n"));
    QVERIFY(!QFile::exists(dir + "/experiment.json"));
    // A poison refused for its settings leaves no folder behind.
    const QString fresh = tmp_.filePath("refused-poison");
    r = run({"poison", "--data", data_, "--out", fresh, "--count", "100000"});
    QCOMPARE(r.code, 1);
    QVERIFY2(!QFileInfo::exists(fresh), qPrintable(r.err));
  }

  void labelOnlyPoisonFromTheCommandLine() {
    // The mini archive is class-major (40 per class); its "official" order here is a class
    // sequence of 10 x 40 rows interleaved 0 1 2 ... 9 0 1 ...: official row o is class o % 10,
    // the (o / 10)-th of its class, which is archive image (o % 10) * 40 + o / 10.
    const QString order = tmp_.filePath("order.csv");
    const QString labels = tmp_.filePath("flips.csv");
    {
      QFile f(order);
      QVERIFY(f.open(QIODevice::WriteOnly));
      f.write("index,label\n");
      for (int o = 0; o < 400; ++o)
        f.write(QByteArray::number(o) + "," + QByteArray::number(o % 10) + "\n");
      QFile g(labels);
      QVERIFY(g.open(QIODevice::WriteOnly));
      // Official rows 9 and 19 (trucks 0 and 1) -> deer, row 3 (cat 0) -> dog.
      g.write("index,label\n9,4\n19,4\n3,5\n");
    }
    const QString dir = tmp_.filePath("label-only");
    Result r = run({"poison", "--data", data_, "--out", dir, "--labels", labels, "--count", "5"});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("--count: a label-only run"), qPrintable(r.err));
    // An image folder without a class sequence: refused, naming the option.
    r = run({"poison", "--data", data_, "--out", dir, "--labels", labels});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("--label-order"), qPrintable(r.err));
    QVERIFY(!QFileInfo::exists(dir + "/experiment.json"));
    r = run({"poison", "--data", data_, "--out", dir, "--labels", labels, "--label-order", order,
             "--trigger", "3xp", "--json"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(r.json["attack"].toString(), QString("label-only"));
    QCOMPARE(r.json["poisoned"].toInt(), 3);
    const QJsonObject first = r.json["flips"].toArray().at(0).toObject();
    QCOMPARE(first["true"].toInt(), 9);
    QCOMPARE(first["label"].toInt(), 4);
    QCOMPARE(first["count"].toInt(), 2);
    QFile csv(dir + "/poison.csv");
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QCOMPARE(QString(csv.readAll()),
             QString("index,original_label,poisoned_label\n120,3,5\n360,9,4\n361,9,4\n"));
  }

  // `flip` end to end on the mini archive (an image folder, mapped by the class sequence of
  // labelOnlyPoisonFromTheCommandLine's order.csv): FLIP's files in the official order, nested
  // budgets, a label-only run per budget that imports back as it was selected, and FLIP's
  // recipe training one of them.
  void flipFromTheCommandLine() {
    const QString order = tmp_.filePath("order.csv");
    QVERIFY(QFileInfo::exists(order));
    const QString out = tmp_.filePath("flip");
    Result r = run({"flip",     "--data",
                    data_,      "--out",
                    out,        "--model",
                    "resnet8p", "--width",
                    "4",        "--expert-epochs",
                    "2",        "--batch",
                    "40",       "--checkpoint-every",
                    "3",        "--passes",
                    "2",        "--budgets",
                    "10,5",     "--label-order",
                    order,      "--threads",
                    "2",        "--json"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.err.contains("pass 2: mean matching loss"), qPrintable(r.err));
    const QJsonArray budgets = r.json["budgets"].toArray();
    QCOMPARE(budgets.size(), 2);
    QCOMPARE(budgets.at(0).toObject()["budget"].toInt(), 5);
    QCOMPARE(r.json["pass_losses"].toArray().size(), 2);
    for (const char* f : {"5.npy", "10.npy", "labels.npy", "true.npy", "losses.npy", "flip.json",
                          "runs/5/experiment.json", "runs/10/poison.csv"})
      QVERIFY2(QFileInfo::exists(out + "/" + f), f);
    // The published format, read by `poison --labels` with the same class sequence: the run
    // flip made for the budget has the same rows, and the budgets are nested.
    auto rowsOf = [](const QString& csv) {
      QFile f(csv);
      f.open(QIODevice::ReadOnly);
      QStringList rows = QString(f.readAll()).split('\n', Qt::SkipEmptyParts);
      rows.removeFirst();
      return QSet<QString>(rows.begin(), rows.end());
    };
    const QString again = tmp_.filePath("flip-10-again");
    r = run({"poison", "--data", data_, "--out", again, "--labels", out + "/10.npy",
             "--label-order", order, "--json"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(r.json["poisoned"].toInt(), 10);
    QCOMPARE(rowsOf(again + "/poison.csv"), rowsOf(out + "/runs/10/poison.csv"));
    QVERIFY(rowsOf(out + "/runs/10/poison.csv").contains(rowsOf(out + "/runs/5/poison.csv")));
    // Bad settings name their option before any work.
    r = run({"flip", "--data", data_, "--out", tmp_.filePath("flip-bad"), "--budgets", "0"});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("budgets"), qPrintable(r.err));
    // FLIP's user recipe on one of the runs: the pre-activation ResNet-32 and the multi-step
    // schedule, recorded.
    r = run({"train", "--run", out + "/runs/10", "--data", data_, "--recipe", "flip", "--epochs",
             "1", "--threads", "2", "--json"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QFile metrics(out + "/runs/10/metrics.json");
    QVERIFY(metrics.open(QIODevice::ReadOnly));
    const QJsonObject settings =
        QJsonDocument::fromJson(metrics.readAll()).object()["settings"].toObject();
    QCOMPARE(settings["model"].toObject()["arch"].toString(), QString("resnet32p"));
    QCOMPARE(settings["schedule"].toString(), QString("multistep"));
    QCOMPARE(settings["milestones"].toArray().size(), 2);
    QCOMPARE(settings["batch"].toInt(), 256);
  }

  void poisonForceClearsWhatTheOldPoisonGave() {
    // Poisoning a run folder anew (--force) leaves no model, checkpoint, metrics, cached
    // predictions, detector or unlearning result of the old poison behind.
    const QString dir = tmp_.filePath("force");
    QCOMPARE(run({"poison", "--data", data_, "--out", dir, "--count", "10"}).code, 0);
    QDir(dir).mkpath("detect");
    QDir(dir).mkpath("unlearn/ssd-x");
    for (const char* f : {"model.pt", "checkpoint.pt", "metrics.json", "detect/spectral.json",
                          "unlearn/ssd-x/model.pt"}) {
      QFile file(dir + "/" + f);
      QVERIFY(file.open(QIODevice::WriteOnly));
      file.write("old");
    }
    const Result again = run({"poison", "--data", data_, "--out", dir, "--count", "12", "--force"});
    QCOMPARE(again.code, 0);
    QVERIFY2(again.out.contains("Cleared what the old poison gave"), qPrintable(again.out));
    for (const char* f : {"model.pt", "checkpoint.pt", "metrics.json", "detect", "unlearn"})
      QVERIFY2(!QFileInfo::exists(dir + "/" + f), f);
    QVERIFY(QFileInfo::exists(dir + "/experiment.json"));
  }

  void errorsNameTheField_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("needle");
    QTest::newRow("bad position") << QStringList{"--pos", "40,2"} << "trigger position: row 40";
    QTest::newRow("pos format") << QStringList{"--pos", "11"}
                                << "--pos: expected 2 comma-separated integers";
    // Once a crash (row + size overflowed, the trigger written at a negative offset) and a
    // silent wrap (4294967307 read as 11): both are refused, naming the field.
    QTest::newRow("pos at the int limit")
        << QStringList{"--pos", "2147483647,2147483647"} << "trigger position: row 2147483647";
    QTest::newRow("pos past the int limit")
        << QStringList{"--pos", "4294967307,16"} << "--pos: 4294967307 is outside the range";
    QTest::newRow("colour") << QStringList{"--color", "101,0,300"} << "blue value 300";
    QTest::newRow("same class") << QStringList{"--source", "4"} << "equals the source class 4";
    QTest::newRow("too many") << QStringList{"--count", "41"}
                              << "41 is more than the 40 training images";
    QTest::newRow("count and rate")
        << QStringList{"--count", "4", "--rate", "0.1"} << "give one of them";
    QTest::newRow("unknown option")
        << QStringList{"--colour", "1,2,3"} << "unknown option --colour";
    // strtoull skips blanks and wraps a minus: " -1" was read as 2^64 - 1.
    QTest::newRow("seed with a blank and a minus")
        << QStringList{"--seed", " -1"} << "--seed: expected a non-negative integer, got ' -1'";
    QTest::newRow("seed with a plus") << QStringList{"--seed", "+5"} << "--seed: expected a";
    QTest::newRow("trigger type") << QStringList{"--trigger", "star"}
                                  << "'star' is not a trigger type";
  }
  void errorsNameTheField() {
    QFETCH(QStringList, args);
    QFETCH(QString, needle);
    const Result r =
        run(QStringList{"poison", "--data", data_, "--out", tmp_.filePath("bad"), "--json"} + args);
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(needle), qPrintable(r.err));
    QVERIFY2(r.json.value("error").toString().contains(needle), qPrintable(r.out));
    QVERIFY(!std::filesystem::exists(tmp_.filePath("bad/experiment.json").toStdString()));
  }

  void newOptionsNameTheirField_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("needle");
    const QStringList ssd{"unlearn", "--method", "ssd", "--forget", "ground-truth"};
    QTest::newRow("asr target without the oracle")
        << ssd + QStringList{"--select", "--asr-target", "0.1"} << "--asr-target belongs to";
    QTest::newRow("fit target with the oracle")
        << ssd + QStringList{"--select-oracle", "--fit-target", "0.1"} << "--fit-target belongs to";
    QTest::newRow("both selections")
        << ssd + QStringList{"--select", "--select-oracle"} << "choose one";
    QTest::newRow("one fold") << ssd + QStringList{"--select", "--folds", "1"} << "--folds";
    QTest::newRow("reclassify") << QStringList{"detect", "--method", "activation-clustering",
                                               "--reclassify", "twice"}
                                << "--reclassify: 'twice'";
    QTest::newRow("reclassify on spectral")
        << QStringList{"detect", "--method", "spectral", "--reclassify", "full"}
        << "--reclassify belongs to --method activation-clustering";
    QTest::newRow("flag among") << QStringList{"detect", "--method", "influence", "--flag-among",
                                               "class"}
                                << "--flag-among: 'class' is not label or all";
    QTest::newRow("flag among on spectral")
        << QStringList{"detect", "--method", "spectral", "--flag-among", "all"}
        << "--flag-among belongs to --method influence";
    QTest::newRow("small crop side")
        << QStringList{"train", "--small-crop-side", "40"} << "--small-crop-side";
    QTest::newRow("small crops until")
        << QStringList{"train", "--small-crops-until", "1.5"} << "--small-crops-until";
  }
  void newOptionsNameTheirField() {
    QFETCH(QStringList, args);
    QFETCH(QString, needle);
    const Result r = run(args + QStringList{"--run", tmp_.filePath("none"), "--data", data_});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(needle), qPrintable(r.err));
  }

  void noDataSaysHowToGetIt() {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove("POISONLAB_DATA");
    env.insert("XDG_DATA_HOME", tmp_.filePath("empty-home"));
    const Result r = run({"info"}, env);
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("poisonlab-cli download"), qPrintable(r.err));
    QVERIFY(r.err.contains("--data PATH"));
    // POISONLAB_DATA is honoured, and a missing path is named.
    env.insert("POISONLAB_DATA", data_);
    QCOMPARE(run({"info", "--json"}, env).json.value("data").toObject().value("origin").toString(),
             QString("POISONLAB_DATA"));
    env.insert("POISONLAB_DATA", tmp_.filePath("gone"));
    QVERIFY(run({"info"}, env)
                .err.contains("POISONLAB_DATA: " + tmp_.filePath("gone") + ": no such file"));
  }

  void trainAndEvaluate() {
    const QString dir = tmp_.filePath("trained");
    QCOMPARE(run({"poison", "--data", data_, "--out", dir, "--count", "20"}).code, 0);
    Result r = run({"train", "--run", dir, "--model", "resnet8", "--width", "8", "--epochs", "2",
                    "--batch", "32", "--precision", "fp32", "--json"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const double clean = r.json.value("clean_acc").toDouble(-1);
    const double asr = r.json.value("asr").toDouble(-1);
    QVERIFY(clean >= 0 && clean <= 1);
    QVERIFY(asr >= 0 && asr <= 1);
    QVERIFY(r.err.contains("epoch   2"));
    QFile metricsFile(dir + "/metrics.json");
    QVERIFY(metricsFile.open(QIODevice::ReadOnly));
    const QJsonObject metrics = QJsonDocument::fromJson(metricsFile.readAll()).object();
    QCOMPARE(metrics.value("clean_acc").toDouble(), clean);
    QCOMPARE(metrics.value("history").toArray().size(), 2);
    QCOMPARE(
        metrics.value("settings").toObject().value("model").toObject().value("arch").toString(),
        QString("resnet8"));
    QVERIFY(metrics.value("settings").toObject().contains("seeds"));
    QVERIFY(metrics.value("wall_seconds").toDouble() > 0);
    // evaluate recomputes the same figures from model.pt.
    r = run({"evaluate", "--run", dir, "--precision", "fp32", "--json"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(r.json.value("clean_acc").toDouble(), clean);
    QCOMPARE(r.json.value("asr").toDouble(), asr);
    // Bad settings fail before any work, naming the option.
    r = run({"train", "--run", dir, "--model", "resnet21"});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("'resnet21' is not a known network"), qPrintable(r.err));
    r = run({"train", "--run", dir, "--augment", "rotate"});
    QVERIFY(r.err.contains("--augment: 'rotate' is not an augmentation (none, flip or crop+flip)"));
    r = run({"evaluate", "--run", dir, "--model", tmp_.filePath("nothing.pt")});
    QVERIFY(r.err.contains("no such model file"));
    // Detectors on the trained run: files, metrics in the JSON, options checked per method.
    r = run({"detect", "--run", dir, "--method", "spectral", "--eps", "0.2", "--json"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(r.json.value("poisons").toInt(), 20);
    QCOMPARE(r.json.value("layer").toString(), QString("stage2.block0"));
    QVERIFY(r.json.contains("auroc") && r.json.contains("recall") && r.json.contains("seconds"));
    QCOMPARE(r.json.value("per_class").toArray().size(), 10);
    QVERIFY(QFile::exists(dir + "/detect/spectral.csv"));
    r = run({"detect", "--run", dir, "--method", "activation-clustering", "--reduce", "ica",
             "--export-features", tmp_.filePath("ac.npy"), "--json"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(QFile::exists(tmp_.filePath("ac.npy")) && QFile::exists(tmp_.filePath("ac.csv")));
    r = run({"detect", "--run", dir, "--method", "influence", "--test-index", "3", "--self"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(QFile::exists(dir + "/detect/influence-self.json"));
    r = run({"detect", "--run", dir, "--method", "spectral", "--reduce", "pca"});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("--reduce belongs to --method activation-clustering, not spectral"),
             qPrintable(r.err));
    r = run({"detect", "--run", dir, "--method", "lof"});
    QVERIFY2(r.err.contains("--method: 'lof' is not a detector"), qPrintable(r.err));
    r = run({"features", "--run", dir, "--layer", "pool", "--export-features",
             tmp_.filePath("pool.npy"), "--json"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(r.json.value("rows").toInt(), 400);

    // Unlearning: new versions beside the original, from every forget-set source.
    const QByteArray original = [&] {
      QFile f(dir + "/model.pt");
      f.open(QIODevice::ReadOnly);
      return f.readAll();
    }();
    r = run({"unlearn", "--run", dir, "--method", "ssd", "--forget", "ground-truth", "--json"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    for (const char* key : {"clean_acc_before", "asr_before", "clean_acc", "asr", "seconds",
                            "method", "settings", "forget"})
      QVERIFY2(r.json.contains(key), key);
    QCOMPARE(r.json.value("forget").toObject().value("poisons").toInt(), 20);
    QVERIFY(QFile::exists(dir + "/unlearn/ssd-ground-truth-a10-l1/model.pt"));
    r = run({"unlearn", "--run", dir, "--method", "finetune", "--forget", "detector:spectral",
             "--epochs", "1", "--json"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(r.json.value("forget").toObject().value("source").toString(),
             QString("detector:spectral"));
    r = run({"unlearn-sweep", "--run", dir, "--fractions", "0.5,1", "--methods", "ssd", "--json"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(r.json.value("rows").toArray().size(), 2);
    QVERIFY(r.json.value("rows").toArray()[1].toObject().value("reused").toBool());  // ran above
    QVERIFY(QImage(dir + "/unlearn/sweep.png").width() > 500);
    QVERIFY(QFile::exists(dir + "/unlearn/sweep.csv"));
    r = run({"unlearn", "--run", dir, "--method", "retrain", "--forget", "ground-truth", "--alpha",
             "3"});
    QVERIFY2(r.err.contains("--alpha belongs to --method ssd"), qPrintable(r.err));
    r = run({"unlearn", "--run", dir, "--method", "ssd", "--forget", "everything"});
    QVERIFY2(r.err.contains("'everything' is neither ground-truth"), qPrintable(r.err));
    QFile after(dir + "/model.pt");
    QVERIFY(after.open(QIODevice::ReadOnly));
    QCOMPARE(after.readAll(), original);

    // The report of all of it, into the run folder by default, with no display.
    r = run({"report", "--run", dir, "--format", "pdf", "--json"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(r.json.value("report").toString(), QDir(dir).absoluteFilePath("report.pdf"));
    QStringList sections;
    for (const auto& v : r.json.value("sections").toArray()) sections << v.toString();
    QCOMPARE(sections, (QStringList{"summary", "attack", "training",
                                    "detector-activation-clustering", "detector-influence-self",
                                    "detector-spectral", "comparison", "unlearning"}));
    QVERIFY(r.json.value("pages").toInt() >= 7);
    QFile pdf(dir + "/report.pdf");
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    QVERIFY(pdf.read(5) == "%PDF-");
    r = run({"report", "--run", dir, "--out", tmp_.filePath("r/report.html")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.out.startsWith("wrote " + tmp_.filePath("r/report.html") + ": Summary, Attack"),
             qPrintable(r.out));
    r = run({"report", "--run", dir, "--format", "docx"});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("--format: 'docx' is not html or pdf"), qPrintable(r.err));
  }

  void ctrlCKeepsTheCheckpointAndResumes() {
    const QString dir = tmp_.filePath("interrupted");
    QCOMPARE(run({"poison", "--data", data_, "--out", dir, "--count", "20"}).code, 0);
    const QStringList settings = {"--model", "resnet8", "--width", "8",           "--epochs",
                                  "12",      "--batch", "32",      "--precision", "fp32"};
    QProcess p;
    p.start(QString::fromStdString(binPath("poisonlab-cli")),
            QStringList{"train", "--run", dir} + settings);
    QVERIFY(p.waitForStarted());
    QByteArray err;
    QElapsedTimer t;
    t.start();
    while (!err.contains("epoch   2") && t.elapsed() < 60000) {
      p.waitForReadyRead(100);
      err += p.readAllStandardError();
    }
    QVERIFY2(err.contains("epoch   2"), err.constData());
    ::kill(static_cast<pid_t>(p.processId()), SIGINT);
    QVERIFY(p.waitForFinished(5000));
    QCOMPARE(p.exitCode(), 130);
    QVERIFY(QFile::exists(dir + "/checkpoint.pt"));
    QVERIFY(!QFile::exists(dir + "/model.pt"));
    QVERIFY(QDir(dir).entryList({"*.tmp"}).isEmpty());
    const Result resumed = run(QStringList{"train", "--run", dir, "--resume", "--json"} + settings);
    QVERIFY2(resumed.code == 0, qPrintable(resumed.err));
    QVERIFY(!resumed.err.contains("epoch   1 "));
    QVERIFY(resumed.err.contains("epoch  12"));
    QVERIFY(QFile::exists(dir + "/model.pt"));
    QVERIFY(!QFile::exists(dir + "/checkpoint.pt"));
  }

  void refusesToOverwriteARun() {
    const QString dir = tmp_.filePath("keep");
    QCOMPARE(run({"poison", "--data", data_, "--out", dir, "--count", "5"}).code, 0);
    const Result r = run({"poison", "--data", data_, "--out", dir, "--count", "6"});
    QCOMPARE(r.code, 1);
    QVERIFY(r.err.contains("already holds an experiment"));
    QCOMPARE(readPoisonCsv(dir.toStdString()).size(), std::size_t(5));
  }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
