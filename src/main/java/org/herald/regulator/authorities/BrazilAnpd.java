package org.herald.regulator.authorities;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import org.herald.regulator.report.RegulatorReport;
import org.herald.regulator.report.ReportBuilder;
import org.herald.regulator.report.ReportDraft;
import org.herald.regulator.report.ReportFacts;

/** Brazil LGPD Art. 48 and Resolution CD/ANPD 15/2024: communication within 3 business days, supplement within 20 business days. */
@ApplicationScoped
public class BrazilAnpd implements ReportBuilder {

    @Override
    public String authority() {
        return "br-anpd";
    }

    @Override
    public String authorityName() {
        return "Autoridade Nacional de Proteção de Dados (Brazil)";
    }

    @Override
    public Set<String> recipients() {
        return Set.of("ANPD");
    }

    @Override
    public List<String> phases() {
        return List.of("initial", "supplement");
    }

    @Override
    public RegulatorReport build(ReportFacts f, String phase) {
        Set<String> sup = Set.of("supplement");
        ReportDraft d = new ReportDraft(f, this, "Comunicação de incidente de segurança", phase, "pt-BR");
        d.section("incident", "Incidente")
                .field("organisation", "Controlador (controller)", f.reporter().name(), "no organisation name configured")
                .field("date_of_discovery", "Data de ciência do incidente (date of knowledge)",
                        ReportFacts.time(f.incident().awareAt()), "no awareness time")
                .field("nature_description", "Natureza do incidente (nature)", f.situation("pt"), "no basic situation")
                .field("categories_of_data", "Categoria dos dados afetados (categories of data)", f.categories(),
                        "no exposed data categories")
                .field("approx_subjects_count", "Número de titulares afetados (number of data subjects)", f.subjects(),
                        "no count of the people affected")
                .fieldIn(sup, "security_measures", "Medidas técnicas e de segurança utilizadas (technical measures)",
                        f.incident().encryption() == null ? null : f.incident().encryption().name(), "no encryption state")
                .fieldIn(sup, "likely_consequences_or_harm", "Riscos e possíveis impactos (risks and impacts)", f.impact("pt"),
                        "no possible impact")
                .fieldIn(sup, "measures_taken", "Medidas adotadas ou a adotar (measures)", f.measures("pt"), "no measures")
                .optional("reasons_for_delay", "Motivos da demora (reasons for delay)", null,
                        "Herald does not record reasons for delay")
                .field("contact_point_or_dpo", "Encarregado (DPO) e contato", f.contact("pt"), "no complete contact point")
                .optional("dpo_authority_proof", "Comprovante de vínculo do encarregado (DPO appointment proof)", null,
                        "attach the DPO's appointment and power of representation to the filing");
        return d.delivery().announcement().build();
    }
}
