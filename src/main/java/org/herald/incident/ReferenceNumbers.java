package org.herald.incident;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Hands out incident references {@code INC-<year>-<number>}: numbered per year without gaps, by
 * the database, so replicas never hand out the same one.
 */
@ApplicationScoped
public class ReferenceNumbers {

    private final EntityManager em;

    ReferenceNumbers(EntityManager em) {
        this.em = em;
    }

    /** The next reference of this year; held (and its year's counter locked) until the transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String next(int year) {
        Number n = (Number) em.createNativeQuery("SELECT next_incident_number(?1)")
                .setParameter(1, year)
                .getSingleResult();
        return format(year, n.intValue());
    }

    static String format(int year, int number) {
        return String.format("INC-%04d-%04d", year, number);
    }
}
