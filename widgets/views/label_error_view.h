#pragma once
// Confident learning's results, looked at: the confident joint (given label against the class
// the probabilities confidently name) as a heat map, and the suspected label errors ranked by
// self-confidence, each with its image, its training label, the class confident learning
// believes and (as a metric the detector never saw) whether the row was really changed. A row
// chosen in the table becomes the shared selection and the inspector's sample.

#include <QWidget>

#include "views/lazy_refresh.h"

class QComboBox;
class QCustomPlot;
class QLabel;
class QTableWidget;

namespace poisonlab::gui {

class Session;

class LabelErrorView : public QWidget {
  Q_OBJECT
 public:
  explicit LabelErrorView(Session* session, QWidget* parent = nullptr);
  /// Shows the confident-learning result `name` (the first one when empty).
  void setDetector(const QString& name);
  QTableWidget* table() const { return table_; }
  QCustomPlot* jointPlot() const { return joint_; }
  QString summaryText() const;
  /// The most rows the table lists (the best ranked).
  static constexpr int kMaxRows = 500;

 private:
  void refreshDetectors();
  void rebuild();

  Session* session_;
  QComboBox* detector_;
  QLabel* summary_;
  QCustomPlot* joint_;
  QTableWidget* table_;
  QString chosen_;
};

}  // namespace poisonlab::gui
