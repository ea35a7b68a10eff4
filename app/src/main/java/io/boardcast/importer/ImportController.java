package io.boardcast.importer;

import io.boardcast.board.BoardAccess;
import io.boardcast.board.Membership;
import io.boardcast.realtime.EventLog;
import io.boardcast.realtime.PageView;
import io.boardcast.web.NotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/**
 * The import page (the form and the board's recent imports), a job's page (its progress, live), cancel, and export.
 * Members see them; editors import and cancel (viewers 403, others 404, like every board route).
 */
@Controller
class ImportController {

    /** What browsers call a CSV file (Windows says Excel); a .csv name is enough too. */
    private static final Set<String> CSV_TYPES = Set.of("text/csv", "text/plain", "application/csv",
            "text/comma-separated-values", "application/vnd.ms-excel");

    private final Importer importer;
    private final ImportJobs jobs;
    private final Exporter exporter;
    private final BoardAccess access;
    private final EventLog log;
    private final ImportProperties properties;

    ImportController(Importer importer, ImportJobs jobs, Exporter exporter, BoardAccess access, EventLog log,
            ImportProperties properties) {
        this.importer = importer;
        this.jobs = jobs;
        this.exporter = exporter;
        this.access = access;
        this.log = log;
        this.properties = properties;
    }

    @GetMapping("/boards/{boardId}/import")
    ModelAndView show(@PathVariable long boardId, Principal principal, Model model) {
        return page(access.view(boardId, principal.getName()), null, HttpStatus.OK, model);
    }

    @PostMapping("/boards/{boardId}/import")
    ModelAndView start(@PathVariable long boardId, @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String zone, Principal principal, Model model) throws IOException {
        Membership membership = access.edit(boardId, principal.getName());
        if (file == null || file.isEmpty()) {
            return page(membership, "Choose a CSV file to import.", HttpStatus.UNPROCESSABLE_ENTITY, model);
        }
        if (file.getSize() > properties.maxFileSize().toBytes()) {
            return page(membership, "The file is larger than " + size() + ". Split it into smaller files.",
                    HttpStatus.PAYLOAD_TOO_LARGE, model);
        }
        if (!looksLikeCsv(file)) {
            return page(membership, "Choose a CSV file (.csv); this one is " + file.getContentType() + ".",
                    HttpStatus.UNPROCESSABLE_ENTITY, model);
        }
        try {
            long jobId = importer.start(boardId, principal.getName(), name(file), file.getBytes(), zone);
            return new ModelAndView("redirect:/boards/" + boardId + "/import/" + jobId);
        } catch (CsvFile.Unreadable unreadable) {
            return page(membership, unreadable.getMessage(), HttpStatus.UNPROCESSABLE_ENTITY, model);
        }
    }

    @GetMapping("/boards/{boardId}/import/{jobId}")
    String job(@PathVariable long boardId, @PathVariable long jobId, Principal principal, Model model) {
        Membership membership = access.view(boardId, principal.getName());
        // Read before the job, so the stream starts no later than what the page shows.
        model.addAttribute("lastEventSeq", log.lastSeq(boardId));
        ImportJob job = jobs.find(boardId, jobId).orElseThrow(NotFoundException::new);
        model.addAttribute("board", membership.getBoard());
        model.addAttribute("canEdit", membership.canEdit());
        // The activity view: the page shows no cards, and that view pushes a short line per change (which the page
        // drops) instead of each new card, its column's header and an announcement for screen readers.
        model.addAttribute("view", PageView.activity(membership.canEdit()));
        model.addAttribute("job", job);
        model.addAttribute("problems", jobs.problems(jobId, ImportProgress.PROBLEMS_SHOWN));
        return "importer/job";
    }

    @PostMapping("/boards/{boardId}/import/{jobId}/cancel")
    ResponseEntity<Void> cancel(@PathVariable long boardId, @PathVariable long jobId, Principal principal,
            @RequestHeader(name = "HX-Request", required = false) String htmx) {
        importer.cancel(boardId, jobId, principal.getName());
        return htmx != null ? ResponseEntity.noContent().build()
                : ResponseEntity.status(HttpStatus.FOUND)
                        .header(HttpHeaders.LOCATION, "/boards/" + boardId + "/import/" + jobId).build();
    }

    @GetMapping("/boards/{boardId}/export.csv")
    ResponseEntity<byte[]> export(@PathVariable long boardId, Principal principal) {
        String name = access.view(boardId, principal.getName()).getBoard().getName();
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_") + ".csv", StandardCharsets.UTF_8)
                        .build().toString())
                .body(exporter.csv(boardId, principal.getName()).getBytes(StandardCharsets.UTF_8));
    }

    private ModelAndView page(Membership membership, String problem, HttpStatus status, Model model) {
        long boardId = membership.getBoard().getId();
        model.addAttribute("lastEventSeq", log.lastSeq(boardId));
        model.addAttribute("board", membership.getBoard());
        model.addAttribute("canEdit", membership.canEdit());
        model.addAttribute("view", PageView.activity(membership.canEdit()));
        model.addAttribute("jobs", jobs.recent(boardId, 10));
        model.addAttribute("problem", problem);
        model.addAttribute("maxRows", properties.maxRows());
        model.addAttribute("maxSize", size());
        ModelAndView page = new ModelAndView("importer/import", model.asMap());
        page.setStatus(status);
        return page;
    }

    private String size() {
        return properties.maxFileSize().toMegabytes() + " MB";
    }

    private static boolean looksLikeCsv(MultipartFile file) {
        String type = file.getContentType() == null ? "" : MediaType.parseMediaType(file.getContentType())
                .getType() + "/" + MediaType.parseMediaType(file.getContentType()).getSubtype();
        return CSV_TYPES.contains(type.toLowerCase(Locale.ROOT)) || name(file).toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    private static String name(MultipartFile file) {
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
        return name.length() > 200 ? name.substring(0, 200) : name;
    }
}
