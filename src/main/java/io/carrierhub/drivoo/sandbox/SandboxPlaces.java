package io.carrierhub.drivoo.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The retailers and drivers the sandbox starts with: the seed's own examples first, then made-up ones in Toulouse. */
final class SandboxPlaces {

    /** The account of the sandbox's one API client; retailers of other accounts are listed but not the client's. */
    static final String OWN_ACCOUNT = "1";
    static final double TOULOUSE_LAT = 43.6044328;
    static final double TOULOUSE_LONG = 1.443463;

    record Retailer(int id, String nom, String prenom, String societe, String email, String mobile, String adresse,
                    String latitude, String longitude, String photo, String userId) {

        double lat() {
            return latitude.isEmpty() ? TOULOUSE_LAT : Double.parseDouble(latitude);
        }

        double lon() {
            return longitude.isEmpty() ? TOULOUSE_LONG : Double.parseDouble(longitude);
        }
    }

    record Driver(int id, String nom, String prenom, String email, String mobile, double homeLat, double homeLong, int note) {
    }

    private SandboxPlaces() {
    }

    static List<Retailer> retailers(int count) {
        List<Retailer> retailers = new ArrayList<>();
        // the seed's two, as its GET /retailer example shows them
        retailers.add(new Retailer(1, "test", "eric", "Allard Fleur", "allard@gmail.com", null,
                "869 ru de championnet , la seyne sur mer", "", "", null, OWN_ACCOUNT));
        retailers.add(new Retailer(2, "martin2", "eric2", "Allard Fleur2", "allard@gmail.com", null, null, "", "", null, "0"));
        // the pickup site of samples/drivoo-*, and a company with two sites (the address tells them apart)
        retailers.add(new Retailer(3, "Durand", "Claire", "Fleurs du Capitole", "claire@fleurs-capitole.example",
                "0561000003", "12 rue d'Alsace-Lorraine, 31000 Toulouse, France", "43.6035", "1.4460", null, OWN_ACCOUNT));
        retailers.add(new Retailer(4, "martin", "paul", "Decathlon", "simorre@decathlon.example", "0561000004",
                "Simorre", "43.5293972", "1.404874299", "photo-mag-1268526336_54350b9a1b7ee.jpg", OWN_ACCOUNT));
        retailers.add(new Retailer(5, "bernard", "lea", "Decathlon", "colomiers@decathlon.example", "0561000005",
                "1 allee du Cabirol, 31770 Colomiers, France", "43.6114", "1.3346", null, OWN_ACCOUNT));
        for (int id = 6; id <= count; id++) {
            retailers.add(new Retailer(id, "gerant" + id, "prenom" + id, "Boutique %02d".formatted(id),
                    "boutique%02d@example.fr".formatted(id), "0561%06d".formatted(id),
                    "%d rue de Metz, 31000 Toulouse, France".formatted(id),
                    String.format(Locale.ROOT, "%.6f", TOULOUSE_LAT + id * 0.001),
                    String.format(Locale.ROOT, "%.6f", TOULOUSE_LONG - id * 0.001), null,
                    id % 10 == 0 ? "0" : OWN_ACCOUNT));
        }
        return retailers;
    }

    static List<Driver> drivers() {
        return List.of(
                new Driver(1, "Lefebvre", "Hugo", "hugo.lefebvre@drivoo.example", "0651451201", 43.5900, 1.4200, 5),
                new Driver(2, "Moreau", "Ines", "ines.moreau@drivoo.example", "0651451202", 43.6200, 1.4700, 4),
                new Driver(3, "Garcia", "Lucas", "lucas.garcia@drivoo.example", "0651451203", 43.6400, 1.4100, 5),
                new Driver(4, "Roux", "Chloe", "chloe.roux@drivoo.example", "0651451204", 43.5700, 1.4600, 4));
    }
}
