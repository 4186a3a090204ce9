// The workbench in German and Simplified Chinese: the catalogues are complete and load, the
// language follows the preferences, and no user-visible string of the window escapes tr()
// (checked with a pseudo-translation that marks every translated string).
#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTranslator>
#include <QXmlStreamReader>
#include <QProcess>
#include <QDir>
#include <QDirIterator>
#include <QtTest>

#include "core/data/dataset.h"
#include "state/i18n.h"
#include "main_window.h"
#include "preferences_dialog.h"
#include "report/run_report.h"
#include "state/session.h"
#include "state/task_manager.h"
#include "test_support.h"
#include "view_fixtures.h"

using namespace poisonlab;
using namespace poisonlab::gui;
using namespace poisonlab::testing;

namespace {

/// Marks every string that goes through tr() as ⟦text⟧.
class PseudoTranslator : public QTranslator {
 public:
  QString translate(const char*, const char* source, const char*, int) const override {
    if (!source || !*source) return {};
    return QStringLiteral("⟦") + QString::fromUtf8(source) + QStringLiteral("⟧");
  }
  bool isEmpty() const override { return false; }
};

void removeTranslators() {
  for (QTranslator* t : qApp->findChildren<QTranslator*>()) {
    QCoreApplication::removeTranslator(t);
    delete t;
  }
}

QStringList placeholders(const QString& s) {
  QStringList out;
  static const QRegularExpression re(QStringLiteral("%L?\\d|%n"));
  for (auto it = re.globalMatch(s); it.hasNext();) out << it.next().captured(0);
  out.sort();
  return out;
}

}  // namespace

class TestI18n : public QObject {
  Q_OBJECT
  QTemporaryDir tmp_;

 private slots:
  void initTestCase() { QCoreApplication::setOrganizationName(QStringLiteral("PoisonLabTest")); }
  void cleanup() { removeTranslators(); }

  void cataloguesAreComplete_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("pluralForms");
    QTest::newRow("German") << "poisonlab_de.ts" << 2;
    QTest::newRow("Simplified Chinese") << "poisonlab_zh_CN.ts" << 1;
  }
  void cataloguesAreComplete() {
    // Every message translated (none unfinished, vanished or obsolete), with the source's
    // placeholders, mnemonics and line breaks, and the language's number of plural forms.
    QFETCH(QString, file);
    QFETCH(int, pluralForms);
    const QString path = QStringLiteral(POISONLAB_SOURCE_DIR "/translations/") + file;
    QFile f(path);
    QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(path));
    const QString text = QString::fromUtf8(f.readAll());
    QVERIFY2(!text.contains(QLatin1String("type=\"unfinished\"")), "an unfinished entry");
    QVERIFY(!text.contains(QLatin1String("type=\"vanished\"")));
    QVERIFY(!text.contains(QLatin1String("type=\"obsolete\"")));
    QXmlStreamReader xml(text);
    int messages = 0, plurals = 0;
    QString source;
    QStringList forms;
    bool numerus = false;
    while (!xml.atEnd()) {
      xml.readNext();
      if (xml.isStartElement() && xml.name() == QLatin1String("message")) {
        numerus = xml.attributes().value("numerus") == QLatin1String("yes");
        forms.clear();
      } else if (xml.isStartElement() && xml.name() == QLatin1String("source")) {
        source = xml.readElementText();
      } else if (xml.isStartElement() && xml.name() == QLatin1String("numerusform")) {
        forms << xml.readElementText();
      } else if (xml.isStartElement() && xml.name() == QLatin1String("translation") && !numerus) {
        forms << xml.readElementText();
      } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
        ++messages;
        QVERIFY2(!forms.isEmpty(), qPrintable(source));
        if (numerus) {
          ++plurals;
          QCOMPARE(forms.size(), pluralForms);
        }
        for (const QString& t : forms) {
          QVERIFY2(!t.trimmed().isEmpty(), qPrintable("untranslated: " + source));
          QVERIFY2(placeholders(t) == placeholders(source),
                   qPrintable(source + " -> " + t + ": placeholders differ"));
          QVERIFY2(t.count('&') == source.count('&'),
                   qPrintable(source + " -> " + t + ": mnemonics differ"));
          QVERIFY2(t.count('\n') == source.count('\n'),
                   qPrintable(source + " -> " + t + ": line breaks differ"));
        }
      }
    }
    QVERIFY(!xml.hasError());
    QVERIFY2(messages > 500, qPrintable(QString::number(messages)));
    QVERIFY(plurals >= 2);
  }

  void cataloguesLoadAndTranslate() {
    // The compiled catalogues are in the program; each language picks its own.
    QCOMPARE(installTranslations(*qApp, QLocale(QStringLiteral("de_DE"))), QString("de"));
    QCOMPARE(qApp->property("poisonlab.language").toString(), QString("de"));
    QCOMPARE(QCoreApplication::translate("poisonlab::gui::ExperimentPanel", "Apply poison"),
             QString("Gift anwenden"));
    QCOMPARE(
        QCoreApplication::translate("poisonlab::gui::MainWindow",
                                    "%n job(s) still running. Cancel them and quit?", nullptr, 1),
        QString("1 Auftrag läuft noch. Abbrechen und beenden?"));
    QCOMPARE(
        QCoreApplication::translate("poisonlab::gui::MainWindow",
                                    "%n job(s) still running. Cancel them and quit?", nullptr, 3),
        QString("3 Aufträge laufen noch. Abbrechen und beenden?"));
    // Numbers in the locale's format (%L1).
    QCOMPARE(QStringLiteral("%L1").arg(50000), QString("50.000"));
    removeTranslators();
    QCOMPARE(installTranslations(*qApp, QLocale(QStringLiteral("zh_CN"))), QString("zh_CN"));
    QCOMPARE(QCoreApplication::translate("poisonlab::gui::ExperimentPanel", "Apply poison"),
             QString("应用投毒"));
    removeTranslators();
    QCOMPARE(installTranslations(*qApp, QLocale(QLocale::English, QLocale::UnitedStates)),
             QString("en"));
    QCOMPARE(QCoreApplication::translate("poisonlab::gui::ExperimentPanel", "Apply poison"),
             QString("Apply poison"));
    QLocale::setDefault(QLocale::c());
  }

  void languageFollowsPreferences() {
    QSettings().remove(QLatin1String(kLanguageSetting));
    QCOMPARE(chosenLocale().name(), QLocale::system().name());
    QCOMPARE(chosenLocale(QStringLiteral("de")).language(), QLocale::German);
    PreferencesDialog dialog(QStringLiteral("en"));
    auto* combo = dialog.findChild<QComboBox*>(QStringLiteral("languageCombo"));
    QVERIFY(combo);
    QCOMPARE(combo->count(), 1 + availableLanguages().size());
    combo->setCurrentIndex(combo->findData(QStringLiteral("zh_CN")));
    QCOMPARE(combo->currentText(), QString("简体中文"));
    dialog.save();
    QCOMPARE(chosenLocale().language(), QLocale::Chinese);
    // The note says when it takes effect.
    QVERIFY(!dialog.findChildren<QLabel*>().isEmpty());
    QSettings().remove(QLatin1String(kLanguageSetting));
  }

  void cataloguesCoverTheSources_data() { cataloguesAreComplete_data(); }
  void cataloguesCoverTheSources() {
    // lupdate over today's sources finds nothing new and nothing gone: a string added to the
    // window or the report without running update_translations (and translating it) fails.
    QFETCH(QString, file);
    const QString copy = tmp_.filePath(file);
    QFile::remove(copy);
    QVERIFY(QFile::copy(QStringLiteral(POISONLAB_SOURCE_DIR "/translations/") + file, copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
    // Includes name their room ("plot/training_plots.h"): lupdate needs widgets/ on its path
    // to see the classes and their namespace.
    QStringList args{"-silent",
                     "-locations",
                     "none",
                     "-I",
                     QStringLiteral(POISONLAB_SOURCE_DIR "/widgets"),
                     "-I",
                     QStringLiteral(POISONLAB_SOURCE_DIR "/app/gui")};
    for (const char* dir : {"/widgets", "/app/gui"})
      for (QDirIterator it(QStringLiteral(POISONLAB_SOURCE_DIR) + dir, {"*.cpp", "*.h"},
                           QDir::Files, QDirIterator::Subdirectories);
           it.hasNext();)
        args << it.next();
    args << "-ts" << copy;
    QProcess lupdate;
    lupdate.start(QStringLiteral(POISONLAB_LUPDATE), args);
    QVERIFY(lupdate.waitForFinished(120000));
    QVERIFY2(lupdate.exitCode() == 0, lupdate.readAllStandardError().constData());
    QFile f(copy);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(f.readAll());
    static const QRegularExpression stale(
        QStringLiteral("<source>([^<]*)</source>\\s*(<comment>[^<]*</comment>\\s*)?"
                       "<translation type=\"(unfinished|vanished|obsolete)\""));
    QStringList found;
    for (auto it = stale.globalMatch(text); it.hasNext();) {
      const auto m = it.next();
      found << m.captured(3) + ": " + m.captured(1);
    }
    QVERIFY2(found.isEmpty(), qPrintable(found.join('\n')));
  }

  void reportTextGoesThroughTr() {
    // The report (widgets/run_report.cpp) under the pseudo-translation: every word of its text
    // carries the mark unless it is data (names of classes, detectors and versions, numbers).
    auto* pseudo = new PseudoTranslator;
    pseudo->setParent(qApp);
    QCoreApplication::installTranslator(pseudo);
    const SmallPoisoned d = smallPoisoned();
    Session s;
    fillSession(s, d.clean, d.pd);
    s.setRunDir(tmp_.filePath("report-run"));
    TrainResult r;
    for (int e = 1; e <= 2; ++e) {
      EpochStats st;
      st.epoch = e;
      st.trainLoss = 1.0 / e;
      st.cleanAcc = st.asr = 0.4 * e;
      r.history.push_back(st);
    }
    r.final = *s.versions()[0].eval;
    r.device = "cpu";
    r.precisionUsed = "fp32";
    s.setTrainResult(r);
    ModelVersion v = s.versions()[0];
    v.name = "ssd-ground-truth-a10-l1";
    v.method = "ssd";
    v.recordPath = "x.json";
    v.forgetSize = v.forgetPoisons = d.pd->poisonedIndices.size();
    s.addVersion(v);
    const RunReport report(s);
    QCOMPARE(report.sections().size(), 7);
    QXmlStreamReader xml(report.html());
    QStringList escaped;
    static const QRegularExpression word(QStringLiteral("[A-Za-z]{2,}"));
    static const QRegularExpression data(QStringLiteral(
        "\\b(airplane|automobile|bird|cat|deer|dog|frog|horse|ship|truck|spectral|"
        "activation-clustering|original|ssd-ground-truth-a10-l1|ssd-a10-l1|report-run|cpu|fp32|"
        "PoisonLab|AUROC|ASR|SGD|onecycle|flip|resnet\\d+)\\b"));
    bool inStyle = false;
    while (!xml.atEnd()) {
      xml.readNext();
      if (xml.isStartElement() || xml.isEndElement())
        inStyle = xml.isStartElement() && xml.name() == QLatin1String("style");
      if (!xml.isCharacters() || inStyle) continue;
      QString text = xml.text().toString();
      if (text.contains(QStringLiteral("⟦"))) continue;
      text.remove(tmp_.path());
      text.remove(data);
      if (word.match(text).hasMatch()) escaped << text.trimmed();
    }
    QVERIFY(!xml.hasError());
    QVERIFY2(escaped.isEmpty(), qPrintable("outside tr():\n" + escaped.join('\n')));
  }

  void windowFitsALaptopInEveryLanguage_data() {
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QStringLiteral("en");
    QTest::newRow("de") << QStringLiteral("de");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
  }

  void windowFitsALaptopInEveryLanguage() {
    // A 1366 x 768 screen holds the window at its narrowest in every language: longer German
    // words must not push the Inspector or the views past the screen's edge.
    QFETCH(QString, language);
    QSettings().remove("window");
    if (language != "en") QCOMPARE(installTranslations(*qApp, QLocale(language)), language);
    MainWindow w;
    w.resize(1366, 740);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QTest::qWait(50);  // the first-start layout
    QStringList widest;
    auto* central = w.centralWidget();
    for (auto* tabs : central->findChildren<QTabWidget*>(Qt::FindDirectChildrenOnly))
      for (int i = 0; i < tabs->count(); ++i)
        widest << QStringLiteral("%1 %2")
                      .arg(tabs->tabText(i))
                      .arg(tabs->widget(i)->minimumSizeHint().width());
    for (auto* dock : w.findChildren<QDockWidget*>())
      if (dock->isVisible())
        widest
            << QStringLiteral("%1 %2").arg(dock->objectName()).arg(dock->minimumSizeHint().width());
    qInfo("%s: window %d x %d; %s", qPrintable(language), w.minimumSizeHint().width(),
          w.minimumSizeHint().height(), qPrintable(widest.join(", ")));
    QVERIFY2(w.minimumSizeHint().width() <= 1366, qPrintable(widest.join(", ")));
    QVERIFY2(w.minimumSizeHint().height() <= 740, qPrintable(widest.join(", ")));
    w.close();
    QSettings().remove("window");
  }

  void everyVisibleStringGoesThroughTr() {
    // With a pseudo-translation installed, every text the window shows must carry its mark;
    // what does not was never passed through tr(). Data (class names, numbers, paths) is exempt.
    auto* pseudo = new PseudoTranslator;
    pseudo->setParent(qApp);
    QCoreApplication::installTranslator(pseudo);
    const QString data = tmp_.filePath("mini.tar.gz");
    writeTarGz(data.toStdString(), binaryLayout(makeDataset(10, 60, 3)));
    MainWindow w;
    w.show();
    Task* task = w.openData(data);
    QSignalSpy finished(task, &Task::finished);
    QVERIFY(finished.wait(30000));
    QTest::qWait(200);
    const QStringList classes{"airplane", "automobile", "bird",  "cat",  "deer",
                              "dog",      "frog",       "horse", "ship", "truck"};
    static const QRegularExpression word(QStringLiteral("[A-Za-z]{2,}"));
    QStringList escaped;
    auto check = [&](const QString& where, QString text) {
      if (text.isEmpty() || text.contains(QStringLiteral("⟦"))) return;
      text.remove(QRegularExpression(QStringLiteral("<[^>]*>")));  // rich-text tags
      for (const QString& c : classes) text.remove(c);
      text.remove(tmp_.path());
      text.remove(
          QRegularExpression(QStringLiteral("\\b(fp32|bf16|resnet\\d+p?|PoisonLab|PNG|PDF|"
                                            "CSV|AUROC|ASR|CIFAR|Ctrl|Shift|Alt|PCA|ICA|SSD)\\b")));
      // Layer names are the network's identifiers (the CLI's --layer values).
      text.remove(QRegularExpression(QStringLiteral("^(stem|stage\\d(\\.block\\d+)?|pool|fc)$")));
      if (!word.match(text).hasMatch()) return;  // numbers, units, symbols
      escaped << where + ": \"" + text + "\"";
    };
    for (QWidget* widget : w.findChildren<QWidget*>()) {
      const QString name =
          QString::fromLatin1(widget->metaObject()->className()) + " " + widget->objectName();
      check(name + " tooltip", widget->toolTip());
      if (auto* l = qobject_cast<QLabel*>(widget)) check(name, l->text());
      if (auto* b = qobject_cast<QAbstractButton*>(widget)) check(name, b->text());
      if (auto* g = qobject_cast<QGroupBox*>(widget)) check(name, g->title());
      if (auto* d = qobject_cast<QDockWidget*>(widget)) check(name, d->windowTitle());
      if (auto* e = qobject_cast<QLineEdit*>(widget)) check(name, e->placeholderText());
      if (auto* c = qobject_cast<QComboBox*>(widget)) {
        // Items that name data (classes, detectors' results, runs) are filled from data.
        if (c->objectName().contains(QLatin1String("class"), Qt::CaseInsensitive)) continue;
        for (int i = 0; i < c->count(); ++i) check(name + " item", c->itemText(i));
      }
      if (auto* t = qobject_cast<QTabWidget*>(widget))
        for (int i = 0; i < t->count(); ++i) check(name + " tab", t->tabText(i));
      if (auto* m = qobject_cast<QMenu*>(widget)) check(name + " title", m->title());
    }
    for (QAction* a : w.findChildren<QAction*>()) {
      if (a->isSeparator() || a->menu()) continue;
      check("action " + a->objectName(), a->text());
    }
    QVERIFY2(escaped.isEmpty(), qPrintable("outside tr():\n" + escaped.join('\n')));
  }
};

QTEST_MAIN(TestI18n)
#include "tst_i18n.moc"
