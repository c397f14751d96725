package cn.credit.workflow.entity;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MarketEntityRepository extends JpaRepository<MarketEntity, Long> {

  Optional<MarketEntity> findByUscc(String uscc);

  List<MarketEntity> findTop200ByOrderByIdDesc();

  List<MarketEntity> findTop50ByNameContainingOrderByName(String name);
}
