#include "views/influence_view.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "plot/plot_export.h"
#include "qcustomplot.h"
#include "state/sample_image.h"
#include "plot/pixel_view.h"
#include "views/lazy_refresh.h"
#include "state/session.h"
#include "state/ui_format.h"

namespace poisonlab::gui {

namespace {

QListWidget* thumbnailList(QWidget* parent, const QString& name) {
  auto* l = new QListWidget(parent);
  l->setObjectName(name);
  l->setViewMode(QListView::IconMode);
  l->setIconSize(QSize(96, 96));
  l->setResizeMode(QListView::Adjust);
  l->setMovement(QListView::Static);
  l->setSpacing(4);
  l->setUniformItemSizes(true);
  l->setSelectionMode(QAbstractItemView::ExtendedSelection);
  return l;
}

}  // namespace

InfluenceView::InfluenceView(Session* session, QWidget* parent)
    : QWidget(parent), session_(session) {
  setObjectName(QStringLiteral("influenceView"));
  target_ = new QComboBox(this);
  target_->setObjectName(QStringLiteral("influenceTarget"));
  target_->addItem(tr("All triggered source images"));
  target_->addItem(tr("One clean test image"));
  target_->addItem(tr("One triggered test image"));
  index_ = new QSpinBox(this);
  index_->setObjectName(QStringLiteral("influenceTestIndex"));
  index_->setEnabled(false);
  mode_ = new QComboBox(this);
  mode_->addItem(tr("Classifier layer (exact)"), false);
  mode_->addItem(tr("Network (HVP)"), true);
  trueLabels_ = new QCheckBox(tr("Loss at the true label"), this);
  trueLabels_->setToolTip(
      tr("Rank by harm to the correct answer instead of support for the "
         "model's prediction"));
  preview_ = new PixelView(this);
  preview_->setFixedSize(96, 96);
  previewText_ = new QLabel(this);
  previewText_->setTextFormat(Qt::PlainText);  // plain: it may show the user's names and paths
  previewText_->setWordWrap(true);
  run_ = new QPushButton(tr("Rank the training set"), this);
  run_->setObjectName(QStringLiteral("runInfluenceButton"));
  result_ = new QComboBox(this);
  result_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  result_->setObjectName(QStringLiteral("influenceResult"));
  summary_ = new QLabel(this);
  summary_->setTextFormat(Qt::PlainText);  // plain: it may show the user's names and paths
  summary_->setWordWrap(true);
  helpful_ = thumbnailList(this, QStringLiteral("helpfulList"));
  harmful_ = thumbnailList(this, QStringLiteral("harmfulList"));
  found_ = makePlot(this, QStringLiteral("poisonsFound"), tr("Poisons found against rank"),
                    tr("rank (most helpful first)"));
  found_->yAxis->setLabel(tr("poisons found"));
  found_->legend->setVisible(true);
  found_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);

  auto* pick = new QGridLayout;
  pick->addWidget(new QLabel(tr("Test point"), this), 0, 0);
  pick->addWidget(target_, 0, 1);
  pick->addWidget(new QLabel(tr("Index"), this), 0, 2);
  pick->addWidget(index_, 0, 3);
  pick->addWidget(new QLabel(tr("Mode"), this), 1, 0);
  pick->addWidget(mode_, 1, 1);
  pick->addWidget(trueLabels_, 1, 2, 1, 2);
  pick->addWidget(run_, 2, 0, 1, 2);
  pick->addWidget(new QLabel(tr("Result"), this), 2, 2);
  pick->addWidget(result_, 2, 3);
  auto* top = new QHBoxLayout;
  top->addLayout(pick);
  top->addWidget(preview_);
  top->addWidget(previewText_, 1);

  auto* lists = new QWidget(this);
  auto* ll = new QVBoxLayout(lists);
  ll->setContentsMargins(0, 0, 0, 0);
  // Captions wrap: one line of the first was wider than a laptop's view in German.
  auto caption = [lists](const QString& text) {
    auto* l = new QLabel(text, lists);
    l->setWordWrap(true);
    return l;
  };
  ll->addWidget(
      caption(tr("<b>Most helpful</b> to the prediction (highest scores; red frame: "
                 "a poison, by the ground truth)")));
  ll->addWidget(helpful_, 1);
  ll->addWidget(caption(tr("<b>Most harmful</b> (lowest scores)")));
  ll->addWidget(harmful_, 1);
  auto* split = new QSplitter(Qt::Horizontal, this);
  split->addWidget(lists);
  split->addWidget(found_);
  split->setStretchFactor(0, 3);
  split->setStretchFactor(1, 2);

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(top);
  layout->addWidget(summary_);
  layout->addWidget(split, 1);

  connect(target_, &QComboBox::currentIndexChanged, this, [this](int t) {
    index_->setEnabled(t > 0);
    auto d = session_->data();
    if (d)
      index_->setMaximum(int((t == 2 ? d->triggeredTest.count() : d->clean->test.count())) - 1);
    updatePreview();
  });
  connect(index_, &QSpinBox::valueChanged, this, &InfluenceView::updatePreview);
  connect(run_, &QPushButton::clicked, this, [this] { emit runRequested(request()); });
  connect(result_, &QComboBox::currentIndexChanged, this, &InfluenceView::showResult);
  refreshOnResults(this, session_, [this] { refreshResults(); });
  connect(session_, &Session::dataChanged, this, &InfluenceView::updatePreview);
  connect(session_, &Session::versionsChanged, this,
          [this] { run_->setEnabled(!session_->versions().isEmpty()); });
  run_->setEnabled(!session_->versions().isEmpty());
  refreshResults();
  updatePreview();
  for (QListWidget* l : {helpful_, harmful_})
    connect(l, &QListWidget::itemSelectionChanged, this, [this, l] {
      std::vector<int> picked;
      for (QListWidgetItem* it : l->selectedItems())
        picked.push_back(it->data(Qt::UserRole).toInt());
      if (picked.empty()) return;
      session_->selection()->select(picked);
      session_->selection()->setCurrent(picked.front());
    });
}

DetectRequest InfluenceView::request() const {
  DetectRequest r;
  r.method = DetectorMethod::Influence;
  r.influence.network = mode_->currentData().toBool();
  r.influence.trueLabels = trueLabels_->isChecked();
  if (target_->currentIndex() > 0) {
    r.influence.testIndex = index_->value();
    r.influence.testTriggered = target_->currentIndex() == 2;
  }
  return r;
}

void InfluenceView::setTestPoint(int index, bool triggered) {
  target_->setCurrentIndex(index < 0 ? 0 : triggered ? 2 : 1);
  if (index >= 0) index_->setValue(index);
}

void InfluenceView::updatePreview() {
  auto d = session_->data();
  const int t = target_->currentIndex();
  if (!d || t == 0) {
    preview_->setImage({});
    previewText_->setText(
        d ? tr("Every source-class test image with the trigger that the model sends to the "
               "target: the backdoor's own behaviour.")
          : QString());
    return;
  }
  const Split& split = t == 2 ? d->triggeredTest : d->clean->test;
  const auto i = static_cast<std::size_t>(index_->value());
  if (i >= split.count()) return;
  preview_->setImage(toQImage(split.image(i)));
  const QStringList names = session_->classNames();
  previewText_->setText(tr("%1 test image %2: %3")
                            .arg(t == 2 ? tr("Triggered") : tr("Clean"))
                            .arg(i)
                            .arg(names.value(split.labels[i])));
}

void InfluenceView::refreshResults() {
  const QString keep = result_->currentText();
  {
    const QSignalBlocker block(result_);
    result_->clear();
    for (const auto& d : session_->detections())
      if (d->method == "influence") result_->addItem(QString::fromStdString(d->name));
    result_->setCurrentIndex(std::max(0, result_->findText(keep)));
  }
  showResult();
}

void InfluenceView::setResult(const QString& name) {
  const int at = result_->findText(name);
  if (at >= 0) result_->setCurrentIndex(at);
  showResult();
}

void InfluenceView::showResult() {
  helpful_->clear();
  harmful_->clear();
  found_->clearGraphs();
  auto d = session_->detection(result_->currentText());
  auto data = session_->data();
  if (!d || !data) {
    summary_->setText(
        tr("No influence ranking yet: choose a test point and rank the training "
           "set."));
    found_->replot();
    return;
  }
  // Shown samples only, ranked by score.
  std::vector<std::size_t> order;
  for (std::size_t k = 0; k < d->indices.size(); ++k)
    if (session_->isShown(int(d->indices[k])) && std::isfinite(d->scores[k])) order.push_back(k);
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return d->scores[a] > d->scores[b]; });
  const QStringList names = session_->classNames();
  auto add = [&](QListWidget* list, std::size_t k) {
    const auto idx = static_cast<std::size_t>(d->indices[k]);
    auto* item =
        new QListWidgetItem(framedThumbnail(toQImage(data->train.image(idx)), 96, d->poisoned[k]),
                            QStringLiteral("#%1\n%2").arg(idx).arg(d->scores[k], 0, 'g', 3));
    item->setData(Qt::UserRole, int(idx));
    item->setToolTip(plainToolTip(tr("Training sample %1, labelled %2, score %3%4")
                                      .arg(idx)
                                      .arg(names.value(d->labels[k]))
                                      .arg(d->scores[k], 0, 'g', 5)
                                      .arg(d->poisoned[k] ? tr(" (a poison)") : QString())));
    list->addItem(item);
  };
  const std::size_t n = std::min<std::size_t>(kThumbnails, order.size());
  for (std::size_t r = 0; r < n; ++r) add(helpful_, order[r]);
  for (std::size_t r = 0; r < n; ++r) add(harmful_, order[order.size() - 1 - r]);
  // Poisons found against rank, with the ideal ranking for scale.
  QVector<double> x, y, ideal;
  double found = 0, poisons = 0;
  for (std::size_t k : order) poisons += d->poisoned[k];
  const std::size_t shown = std::min<std::size_t>(order.size(), std::size_t(poisons * 4 + 100));
  for (std::size_t r = 0; r < shown; ++r) {
    found += d->poisoned[order[r]];
    x << double(r + 1);
    y << found;
    ideal << std::min(double(r + 1), poisons);
  }
  QCPGraph* g = found_->addGraph();
  g->setName(QString::fromStdString(d->name));
  g->setPen(QPen(kVermillion, 2));
  g->setData(x, y, true);
  QCPGraph* best = found_->addGraph();
  best->setName(tr("every poison first"));
  best->setPen(QPen(kGrey, 1, Qt::DashLine));
  best->setData(x, ideal, true);
  found_->rescaleAxes();
  found_->yAxis->setRangeLower(0);
  found_->replot();
  const std::size_t k = static_cast<std::size_t>(poisons);
  double inTopK = 0;
  for (std::size_t r = 0; r < std::min(k, order.size()); ++r) inTopK += d->poisoned[order[r]];
  summary_->setText(tr("%1 · %L2 training samples ranked · of the %L3 highest, %L4 are poisons "
                       "(recall at k %5) · AUROC %6")
                        .arg(QString::fromStdString(d->name))
                        .arg(order.size())
                        .arg(k)
                        .arg(inTopK)
                        .arg(k ? QString::number(inTopK / double(k), 'f', 3) : QStringLiteral("–"))
                        .arg(d->overall.auroc, 0, 'f', 3));
}

}  // namespace poisonlab::gui
