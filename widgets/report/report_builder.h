#pragma once
// The report's builder (report/'s own, not a public API): it draws the report of a copy of the
// session, section by section, into XHTML with its pictures by name. Its sections are written
// in report_sections.cpp (summary, attack, training) and report_results.cpp (each detector,
// the comparison, unlearning).

#include <QImage>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

#include "core/attack/trigger.h"
#include "state/sample_image.h"
#include "report/run_report.h"
#include "state/session.h"

namespace poisonlab {
struct DetectionMetrics;
struct DetectionReport;
}  // namespace poisonlab

namespace poisonlab::gui::report {

/// A copy of the session's results on which the report's plots are drawn: no selection, no
/// filter, the original model current.
void copyResults(const Session& from, Session& to);

class Builder {
 public:
  Builder(const Session& session, QMap<QString, QImage>& images,
          QList<RunReport::Section>& sections)
      : images_(images), sections_(sections) {
    copyResults(session, s_);
  }

  QString build() {
    summary();
    attack();
    training();
    for (const auto& d : s_.detections()) detector(*d);
    comparison();
    unlearning();
    return html_;
  }

 private:
  /// A picture; `name` is built from section ids (slugs) and fixed words, and escaped all the
  /// same: nothing read from the run reaches an attribute as markup.
  QString image(const QString& name, const QImage& img, int width);

  /// A section; in the PDF each after the first starts a page. `id` is made a slug, unique in
  /// the report (a record's name is the user's: "x\"><img ..." becomes "x-img"); returns it.
  QString section(const QString& id, const QString& title);

  void summary();

  QString attackLine() const;

  /// The first training image of the source class, clean.
  std::vector<std::uint8_t> sourceImage() const;

  QString pixelPicture(const QString& name, const QImage& img, std::optional<TriggerOverlay> mark,
                       const QString& caption);

  void attack();

  void training();

  QString metricsRow(const QString& scope, const DetectionMetrics& m) const;

  void detector(const DetectionReport& d);

  /// The detector's most suspicious samples, as the grid shows them (what the detector saw).
  void thumbnails(const DetectionReport& d, const QString& id);

  void comparison();

  void unlearning();

  Session s_;
  QSet<QString> usedIds_;
  QMap<QString, QImage>& images_;
  QList<RunReport::Section>& sections_;
  QString html_;
};

}  // namespace poisonlab::gui::report
