#pragma once
// Every detector of a run side by side, as the Comparison view shows them and the report
// prints them: ROC and precision-recall curves on one plot each (AUROC and average precision in
// the legend) and a table of their metrics, overall or within one class, over the samples the
// grid's filters show.

#include <QCoreApplication>
#include <QStringList>

class QCustomPlot;
class QTableWidget;
class QWidget;

namespace poisonlab::gui {

class Session;

class DetectorCurves {
  // The Comparison view's words: translated under its name.
  Q_DECLARE_TR_FUNCTIONS(poisonlab::gui::ComparisonView)

 public:
  /// Makes the two plots and the table as children of `parent`.
  explicit DetectorCurves(QWidget* parent);
  /// Draws `session`'s detectors (only those named in `only`, when it is not empty; each keeps
  /// its colour), within class `cls` (-1: overall).
  void show(const Session& session, const QStringList& only, int cls);

  QCustomPlot* roc() const { return roc_; }
  QCustomPlot* pr() const { return pr_; }
  QTableWidget* table() const { return table_; }

 private:
  QCustomPlot* roc_;
  QCustomPlot* pr_;
  QTableWidget* table_;
};

}  // namespace poisonlab::gui
