#pragma once
// Every detector of the run side by side: ROC and precision-recall curves on one plot each
// (AUROC and average precision in the legend), and a table of their metrics, overall or within
// one class (plot/detector_curves.h). Computed over the samples the grid's filters show.

#include <QStringList>
#include <QWidget>

#include <memory>

class QComboBox;
class QCustomPlot;
class QTableWidget;

namespace poisonlab::gui {

class DetectorCurves;
class Session;

class ComparisonView : public QWidget {
  Q_OBJECT
 public:
  explicit ComparisonView(Session* session, QWidget* parent = nullptr);
  ~ComparisonView() override;
  QCustomPlot* rocPlot() const;
  QCustomPlot* prPlot() const;
  QTableWidget* table() const;
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
  std::unique_ptr<DetectorCurves> curves_;  // the plots and the table (plot/detector_curves.h)
};

}  // namespace poisonlab::gui
