package cn.credit.workflow.entity;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The market entities as other features reach them: they call this, never the repository. */
@Service
public class Entities {

  private final MarketEntityRepository entities;

  Entities(MarketEntityRepository entities) {
    this.entities = entities;
  }

  @Transactional(readOnly = true)
  public Optional<MarketEntity> findByUscc(String uscc) {
    return entities.findByUscc(uscc);
  }

  /** At most 50, by name. */
  @Transactional(readOnly = true)
  public List<MarketEntity> findTop50ByNameContainingOrderByName(String name) {
    return entities.findTop50ByNameContainingOrderByName(name);
  }

  @Transactional
  public MarketEntity save(MarketEntity entity) {
    return entities.save(entity);
  }

  /** The latest registered first, at most 200. */
  @Transactional(readOnly = true)
  public List<MarketEntity> latest() {
    return entities.findTop200ByOrderByIdDesc();
  }

  @Transactional
  public List<MarketEntity> saveAll(List<MarketEntity> all) {
    return entities.saveAll(all);
  }
}
