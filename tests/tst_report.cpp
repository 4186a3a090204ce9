// The run report (File > Export report, poisonlab-cli report) on a small made-up run: its
// sections follow what the run holds, the HTML is one well-formed file with every picture
// inside and names the metrics, the PDF has a page per section (checked with poppler's
// pdfinfo and pdftotext where they are installed, else from the PDF's page objects), and a
// failed write names the file and leaves nothing behind.
#include <QApplication>
#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

#include "core/run/run_folder.h"
#include "core/util/error.h"
#include "qcustomplot.h"
#include "report/report_parts.h"
#include "report/run_report.h"
#include "state/session.h"
#include "test_support.h"
#include "panels/unlearn_panel.h"
#include "view_fixtures.h"

using namespace poisonlab;
using namespace poisonlab::gui;
using namespace poisonlab::testing;

namespace {

EvalReport evaluation(double clean, double asr, double mirrored) {
  EvalReport e;
  e.cleanAcc = clean;
  e.asr = asr;
  e.asrMirrored = mirrored;
  e.poisonFit = 0.97;
  e.perClassAcc.assign(10, clean);
  e.confusion.assign(10, std::vector<int>(10, 1));
  for (int c = 0; c < 10; ++c) e.confusion[c][c] = 20;
  e.confusionTriggered = e.confusion;
  return e;
}

ModelVersion unlearned(const QString& name, const QString& method, std::size_t forget,
                       std::size_t poisons, double asr) {
  ModelVersion v;
  v.name = name;
  v.method = method;
  v.modelPath = name + "/model.pt";
  v.recordPath = name + ".json";
  v.forgetSize = forget;
  v.forgetPoisons = poisons;
  v.eval = evaluation(0.78, asr, asr);
  v.seconds = 3.5;
  return v;
}

/// Runs `program` with `args`; its standard output.
QString output(const QString& program, const QStringList& args) {
  QProcess p;
  p.start(program, args);
  if (!p.waitForFinished(60000) || p.exitCode() != 0) return {};
  return QString::fromUtf8(p.readAllStandardOutput());
}

}  // namespace

class TestReport : public QObject {
  Q_OBJECT
  QTemporaryDir tmp_;
  SmallPoisoned d_;
  QString run_;

  /// A run with everything a report shows: training curves, two detectors, three unlearning
  /// results (two of them a sweep over ground-truth fractions).
  void fillRun(Session& s) {
    fillSession(s, d_.clean, d_.pd);
    s.setRunDir(run_);
    TrainResult r;
    for (int e = 1; e <= 3; ++e) {
      EpochStats st;
      st.epoch = e;
      st.trainLoss = 2.0 / e;
      st.trainAcc = 0.3 * e;
      st.cleanAcc = 0.25 * e;
      st.asr = 0.3 * e;
      st.asrMirrored = 0.28 * e;
      st.poisonFit = 0.32 * e;
      st.lr = 0.1 / e;
      st.imagesPerSecond = 1000;
      st.seconds = 2;
      st.elapsed = 2 * e;
      r.history.push_back(st);
    }
    r.final = evaluation(0.81, 0.93, 0.95);
    r.wallSeconds = 6.5;
    r.device = "cpu";
    r.precisionUsed = "fp32";
    r.threads = 2;
    s.setTrainResult(r);
    QVector<ModelVersion> versions = s.versions();
    versions[0].eval = r.final;
    versions << unlearned("ssd-ground-truth-0.5-a10-l1", "ssd", 6, 6, 0.2)
             << unlearned("ssd-ground-truth-a10-l1", "ssd", 12, 12, 0.02)
             << unlearned("finetune-detector-spectral-e2-lr0.02", "finetune", 40, 11, 0.6);
    s.setVersions(versions);
  }

 private slots:
  void initTestCase() {
    useTemporarySettings(tmp_.path().toStdString());
    d_ = smallPoisoned();
    run_ = tmp_.filePath("my-run");
    writeRun(run_.toStdString(), describeExperiment(*d_.pd), *d_.pd);
  }

  void sectionsFollowTheRun() {
    Session s;
    fillRun(s);
    const RunReport full(s);
    QStringList ids;
    for (const auto& sec : full.sections()) ids << sec.id;
    QCOMPARE(ids, (QStringList{"summary", "attack", "training", "detector-spectral",
                               "detector-activation-clustering", "comparison", "unlearning"}));
    // A run just poisoned: the attack and nothing more.
    Session bare;
    bare.setData(d_.clean, d_.pd, run_);
    const RunReport small(bare);
    QCOMPARE(small.sections().size(), 2);
    QVERIFY(small.html().contains("The run has no trained model yet."));
    // Not saved yet (no run folder): said so in the title.
    Session unsaved;
    unsaved.setData(d_.clean, d_.pd, QString());
    QVERIFY(RunReport(unsaved).html().contains("<h1>PoisonLab report: unsaved run</h1>"));
    // The window's selection and filter stay out of it: the report draws on a copy.
    s.selection()->select({0, 1, 2});
    s.setShown(std::vector<std::uint8_t>(d_.pd->train.count(), 0));
    const RunReport again(s);
    const QRegularExpression written("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    QVERIFY(again.html().remove(written) == full.html().remove(written));
    QCOMPARE(s.selection()->size(), 3);
    QCOMPARE(s.shownCount(), 0);
  }

  void htmlIsOneWellFormedFileThatNamesTheMetrics() {
    Session s;
    fillRun(s);
    const RunReport report(s);
    const QString path = tmp_.filePath("report.html");
    QCOMPARE(report.write(path, RunReport::Format::Html), 1);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    // Well-formed XHTML: every element closed, every picture a PNG inside the file.
    QXmlStreamReader xml(bytes);
    int images = 0, headings = 0;
    QString text;
    while (!xml.atEnd()) {
      xml.readNext();
      if (xml.isStartElement() && xml.name() == QLatin1String("img")) {
        const QString src = xml.attributes().value("src").toString();
        QVERIFY2(src.startsWith("data:image/png;base64,"), qPrintable(src.left(40)));
        QImage img;
        QVERIFY(img.loadFromData(QByteArray::fromBase64(src.mid(22).toLatin1()), "PNG"));
        QVERIFY(img.width() >= 64 && img.height() >= 64);
        ++images;
      }
      if (xml.isStartElement() && xml.name() == QLatin1String("h2")) ++headings;
      if (xml.isCharacters()) text += xml.text();
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(images, report.images().size());
    QCOMPARE(headings, report.sections().size());
    // Pictures: the attack's four and eight poisons, two training curves and two confusion
    // matrices, per detector a histogram, a cluster plot, ROC, PR and 16 thumbnails, two
    // comparison curves, the sweep.
    QCOMPARE(images, 4 + 8 + 4 + 2 * (4 + 16) + 2 + 1);
    for (const char* must :
         {"my-run", "Clean accuracy", "attack success rate", "ASR, mirrored trigger", "AUROC",
          "Precision", "Recall", "Avg. precision", "Recall@k", "spectral", "activation-clustering",
          "ssd-ground-truth-0.5-a10-l1", "finetune-detector-spectral-e2-lr0.02", "81.00 %",
          "93.00 %", "95.00 %", "pixel (101,0,25) at row 11, col 16",
          "12 truck images relabelled deer"})
      QVERIFY2(text.contains(QString::fromUtf8(must)), must);
    // The most suspicious samples: each thumbnail names its index; poisons are marked.
    QVERIFY(text.contains(QRegularExpression("#\\d+ ")));
    QVERIFY(text.contains("poison"));
  }

  void pdfHasAPagePerSection() {
    Session s;
    fillRun(s);
    const RunReport report(s);
    const QString path = tmp_.filePath("report.pdf");
    const int pages = report.write(path, RunReport::Format::Pdf);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray pdf = f.readAll();
    QVERIFY(pdf.startsWith("%PDF-"));
    // Every section starts a page.
    QVERIFY2(pages >= report.sections().size(), qPrintable(QString::number(pages)));
    QCOMPARE(pdf.count("/Type /Page\n"), pages);
    const QString pdfinfo = QStandardPaths::findExecutable("pdfinfo");
    if (!pdfinfo.isEmpty()) {
      const QString info = output(pdfinfo, {path});
      QVERIFY2(info.contains(QRegularExpression(QStringLiteral("Pages:\\s+%1\\n").arg(pages))),
               qPrintable(info));
      QVERIFY(info.contains("PoisonLab report: my-run"));
      QVERIFY(info.contains("A4"));
    }
    const QString pdftotext = QStandardPaths::findExecutable("pdftotext");
    if (pdftotext.isEmpty()) QSKIP("pdftotext (poppler-utils) is not installed: text not checked");
    const QStringList text = output(pdftotext, {"-layout", path, "-"}).split('\f');
    QVERIFY(text.size() >= pages);
    // Each section's heading heads a page, in order; the footer numbers the pages.
    int page = -1;
    for (const auto& sec : report.sections()) {
      // The next page that opens with the section's heading (the summary's is under the
      // report's title); a section may run over into the pages before it.
      auto opens = [&](int p) {
        const QString first = text[p].trimmed().section('\n', 0, 0).trimmed();
        return sec.id == QLatin1String("summary") ? text[p].contains(sec.title)
                                                  : first.startsWith(sec.title);
      };
      do ++page;
      while (page < pages && !opens(page));
      QVERIFY2(page < pages, qPrintable(sec.title));
    }
    for (int p = 0; p < pages; ++p)
      QVERIFY2(text[p].contains(QStringLiteral("page %1 of %2").arg(p + 1).arg(pages)),
               qPrintable(QString::number(p)));
    QVERIFY(text[0].contains("81.00 %"));
    QVERIFY(text.join("").contains("AUROC"));
  }

  void badPathsAndFormatsNameWhatIsWrong() {
    Session s;
    fillRun(s);
    const RunReport report(s);
    const QString path = tmp_.filePath("no/such/folder/report.pdf");
    try {
      report.write(path, RunReport::Format::Pdf);
      QFAIL("wrote into a folder that does not exist");
    } catch (const Error& e) {
      QVERIFY2(QString(e.what()).contains(path), e.what());
    }
    QVERIFY(!QFile::exists(path));
    try {
      RunReport::parseFormat("docx", "--format");
      QFAIL("accepted docx");
    } catch (const Error& e) {
      QCOMPARE(QString(e.what()), QString("--format: 'docx' is not html or pdf"));
    }
    QCOMPARE(RunReport::parseFormat(" PDF "), RunReport::Format::Pdf);
    QCOMPARE(RunReport::formatOfPath("a/b.PDF"), RunReport::Format::Pdf);
    QCOMPARE(RunReport::formatOfPath("a/b.htm"), RunReport::Format::Html);
    QCOMPARE(RunReport::defaultPath(run_, RunReport::Format::Pdf),
             QDir(run_).filePath("report.pdf"));
    // Written through a temporary file and a rename: nothing but the reports is left.
    QDir dir(tmp_.path());
    for (const QString& name : dir.entryList(QDir::Files))
      QVERIFY2(name.startsWith("report.") || name.endsWith(".ini"), qPrintable(name));
  }

  /// Record, version and run-folder names are the user's (a mailed run folder's): in the HTML
  /// they are text, never markup. The property: the file parses, every element and attribute
  /// is one the report itself writes, every id a slug, every picture one of its own, and each
  /// hostile name reads back verbatim as text.
  void hostileNamesStayText() {
    const QStringList hostile{QStringLiteral("x\"><img src=x onerror=alert(3)>"),
                              QStringLiteral("<script>alert(1)</script>"),
                              QStringLiteral("Spectral!")};  // its slug is taken: made unique
    const QString versionName = QStringLiteral("v\"><img src=\"/dev/zero\">");
    const QString runName = QStringLiteral("run\" onmouseover=\"alert(2)");
    const QString runDir = tmp_.filePath(runName);
    writeRun(runDir.toStdString(), describeExperiment(*d_.pd), *d_.pd);
    Session s;
    fillRun(s);
    s.setRunDir(runDir);
    for (const QString& n : hostile)
      s.addDetection(madeUpReport(*d_.pd, n.toStdString(), "spectral", 0.7));
    QVector<ModelVersion> versions = s.versions();
    versions << unlearned(versionName, "ssd", 6, 6, 0.1);
    s.setVersions(versions);
    // "Spectral!" is another detector whose slug "detector-spectral" is fillRun's: it gets
    // the next free one.
    const RunReport report(s);
    QStringList ids;
    for (const auto& sec : report.sections()) ids << sec.id;
    QVERIFY2(ids.contains("detector-x-img-src-x-onerror-alert-3"), qPrintable(ids.join(' ')));
    QVERIFY2(ids.contains("detector-script-alert-1-script"), qPrintable(ids.join(' ')));
    QVERIFY2(ids.contains("detector-spectral-2"), qPrintable(ids.join(' ')));
    QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), ids.size());

    const QSet<QString> elements{"html", "head", "meta", "title", "style", "body",
                                 "h1",   "h2",   "h3",   "p",     "table", "tr",
                                 "td",   "th",   "span", "br",    "img",   "b"};
    const QSet<QString> attributes{"xmlns", "charset", "http-equiv",  "content",     "id",
                                   "style", "class",   "cellspacing", "cellpadding", "align",
                                   "src",   "width",   "height",      "alt"};
    const QRegularExpression slugId("^[a-z0-9_-]+$");
    QXmlStreamReader xml(report.html());
    QString text;
    while (!xml.atEnd()) {
      xml.readNext();
      if (xml.isCharacters()) text += xml.text();
      if (!xml.isStartElement()) continue;
      const QString name = xml.name().toString();
      QVERIFY2(elements.contains(name), qPrintable(name));
      for (const auto& a : xml.attributes()) {
        QVERIFY2(attributes.contains(a.name().toString()), qPrintable(a.name().toString()));
        if (a.name() == QLatin1String("id"))
          QVERIFY2(slugId.match(a.value()).hasMatch(), qPrintable(a.value().toString()));
        if (a.name() == QLatin1String("src"))
          QVERIFY2(a.value().startsWith(QLatin1String("data:image/png;base64,")),
                   qPrintable(a.value().left(40).toString()));
      }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    for (const QString& n : hostile + QStringList{versionName, runName})
      QVERIFY2(text.contains(n), qPrintable(n));
    // The file itself says it loads nothing from outside.
    QVERIFY(report.html().contains("Content-Security-Policy"));
  }

  /// The PDF's layout loads no resource but the report's own pictures: an <img> naming a
  /// local file (or a device) draws nothing, where Qt's default would embed the file.
  void pdfLoadsNoOutsideResource() {
    QImage local(77, 53, QImage::Format_RGB32);
    local.fill(Qt::red);
    const QString png = tmp_.filePath("local.png");
    QVERIFY(local.save(png));
    auto imagesIn = [](const QString& body, const QMap<QString, QImage>& images) {
      QBuffer out;
      out.open(QIODevice::WriteOnly);
      report::printA4(out, QStringLiteral("t"), body, images);
      return out.data().count("/Subtype /Image");
    };
    // Its own pictures are drawn (the count sees them) ...
    QVERIFY(imagesIn(QStringLiteral("<p>own</p><img src=\"img:own\" width=\"50\"/>"),
                     {{QStringLiteral("own"), local}}) >= 1);
    // ... a file named by path or URL is not.
    for (const QString& src : {png, QUrl::fromLocalFile(png).toString()})
      QCOMPARE(imagesIn(QStringLiteral("<p>x</p><img src=\"%1\" width=\"50\"/>"
                                       "<p style=\"background-image: url(%1)\">y</p>")
                            .arg(src.toHtmlEscaped()),
                        {}),
               0);
  }

  void sweepPlotHasALinePerSettingAndTheOriginal() {
    Session s;
    fillRun(s);
    UnlearnPanel panel(&s);
    QCustomPlot* sweep = panel.sweepPlot();
    // The original's ASR and clean accuracy, then ASR and clean accuracy of "ssd-a10-l1"
    // (fractions 0.5 and 1 on one line); the fine-tune forgot a detector's flags, not a share
    // of the poisons, so it is not on the sweep.
    QCOMPARE(sweep->graphCount(), 4);
    QCOMPARE(sweep->graph(2)->name(), QString("ssd-a10-l1: ASR"));
    QCOMPARE(sweep->graph(2)->data()->size(), 2);
    QCOMPARE(sweep->graph(2)->data()->at(0)->key, 0.5);
    QCOMPARE(sweep->graph(2)->data()->at(1)->value, 0.02);
    QCOMPARE(sweep->graph(0)->data()->at(0)->value, 0.93);
  }
};

QTEST_MAIN(TestReport)
#include "tst_report.moc"
