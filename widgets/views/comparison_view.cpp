#include "views/comparison_view.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include "plot/detector_curves.h"
#include "qcustomplot.h"
#include "state/session.h"
#include "views/lazy_refresh.h"

namespace poisonlab::gui {

ComparisonView::~ComparisonView() = default;

ComparisonView::ComparisonView(Session* session, QWidget* parent)
    : QWidget(parent), session_(session) {
  setObjectName(QStringLiteral("comparisonView"));
  scope_ = new QComboBox(this);
  scope_->setObjectName(QStringLiteral("comparisonScope"));
  curves_ = std::make_unique<DetectorCurves>(this);

  auto* top = new QHBoxLayout;
  top->addWidget(new QLabel(tr("Scope"), this));
  top->addWidget(scope_);
  auto* note = new QLabel(tr("How well each detector did, against the ground truth (never seen "
                             "by a detector); over the samples the grid shows."),
                          this);
  note->setWordWrap(true);
  top->addWidget(note, 1);
  auto* plots = new QSplitter(Qt::Horizontal, this);
  plots->addWidget(curves_->roc());
  plots->addWidget(curves_->pr());
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(top);
  layout->addWidget(plots, 3);
  layout->addWidget(curves_->table(), 1);

  connect(scope_, &QComboBox::currentIndexChanged, this, &ComparisonView::rebuild);
  auto* lazy = refreshOnResults(this, session_, [this] { rebuild(); });
  connect(session_, &Session::dataChanged, this, [this, lazy] {
    refreshScopes();
    lazy->request();
  });
  // A view made on a session that already holds a run shows it at once.
  refreshScopes();
  rebuild();
}

void ComparisonView::refreshScopes() {
  const QSignalBlocker block(scope_);
  scope_->clear();
  scope_->addItem(tr("overall"), -1);
  const QStringList names = session_->classNames();
  for (int c = 0; c < names.size(); ++c) scope_->addItem(names[c], c);
}

void ComparisonView::setDetectors(const QStringList& names) {
  only_ = names;
  rebuild();
}

void ComparisonView::setScope(int cls) {
  const int at = scope_->findData(cls);
  if (at >= 0) scope_->setCurrentIndex(at);
}

void ComparisonView::rebuild() {
  const int cls = scope_->currentData().isValid() ? scope_->currentData().toInt() : -1;
  curves_->show(*session_, only_, cls);
}

QCustomPlot* ComparisonView::rocPlot() const { return curves_->roc(); }
QCustomPlot* ComparisonView::prPlot() const { return curves_->pr(); }
QTableWidget* ComparisonView::table() const { return curves_->table(); }

}  // namespace poisonlab::gui
