#pragma once
// Running the detectors from the window: every option the CLI's `detect` has, one request per
// click (they queue on the engine), the results of the run listed with their headline figures,
// and a warning before and beside them when the model's attack did not take.

#include <QWidget>

#include "core/detect/detect.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTableWidget;

namespace poisonlab::gui {

class Session;

class DetectorPanel : public QWidget {
  Q_OBJECT
 public:
  explicit DetectorPanel(Session* session, QWidget* parent = nullptr);
  /// The request the fields describe.
  DetectRequest request() const;
  /// Sets the fields from a request (its method, layer and options).
  void setRequest(const DetectRequest& r);
  /// The warning shown when the model's attack did not take (empty when it took).
  QString attackWarning() const;
  QTableWidget* resultsTable() const { return results_; }

 signals:
  void runRequested(const poisonlab::DetectRequest& request);
  /// A result row was activated: show that detector's view.
  void showRequested(const QString& detector);

 private:
  QWidget* buildSpectral();
  QWidget* buildClustering();
  QWidget* buildInfluence();
  QWidget* buildConfidentLearning();
  void refresh();

  Session* session_;
  QComboBox* method_;
  QStackedWidget* pages_;
  QComboBox* layer_;
  // spectral
  QDoubleSpinBox* eps_;
  QDoubleSpinBox* percentile_;
  QCheckBox* pooled_;
  QCheckBox* centred_;
  // clustering
  QComboBox* reduce_;
  QSpinBox* dims_;
  QComboBox* criterion_;
  QDoubleSpinBox* sizeThreshold_;
  QDoubleSpinBox* silhouetteThreshold_;
  QComboBox* reclassify_;
  QDoubleSpinBox* reclassifyThreshold_;
  // influence
  QComboBox* influenceMode_;
  QCheckBox* self_;
  QComboBox* normalize_;
  QDoubleSpinBox* damping_;
  QSpinBox* flagTop_;
  QSpinBox* candidates_;
  QComboBox* clProbabilities_;
  QSpinBox* clFolds_;
  // shared
  QSpinBox* seed_;
  QPushButton* run_;
  QPushButton* runAll_;
  QLabel* warning_;
  QTableWidget* results_;
};

}  // namespace poisonlab::gui
