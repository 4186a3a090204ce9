#pragma once
// Every detector of the run side by side: ROC and precision-recall curves on one plot each
// (AUROC and average precision in the legend), and a table of their metrics, overall or within
// one class. Computed over the samples the grid's filters show.

#include <QStringList>
#include <QWidget>

class QComboBox;
class QCustomPlot;
class QTableWidget;

namespace poisonlab::gui {

class Session;

class ComparisonView : public QWidget {
  Q_OBJECT
 public:
  explicit ComparisonView(Session* session, QWidget* parent = nullptr);
  QCustomPlot* rocPlot() const { return roc_; }
  QCustomPlot* prPlot() const { return pr_; }
  QTableWidget* table() const { return table_; }
  /// -1 = overall, else the metrics within this class.
  void setScope(int cls);
  /// Shows only these detectors (each keeps its colour); empty: every detector of the run.
  void setDetectors(const QStringList& names);

 private:
  void rebuild();
  void refreshScopes();
  Session* session_;
  QStringList only_;
  QComboBox* scope_;
  QCustomPlot* roc_;
  QCustomPlot* pr_;
  QTableWidget* table_;
};

}  // namespace poisonlab::gui
