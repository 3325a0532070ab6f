package io.distest.maven.gateway.ssh;

import io.distest.shared.Quietly;
import io.distest.shared.Secrets;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.sftp.FileAttributes;
import net.schmizz.sshj.sftp.FileMode;
import net.schmizz.sshj.sftp.OpenMode;
import net.schmizz.sshj.sftp.RemoteFile;
import net.schmizz.sshj.sftp.RenameFlags;
import net.schmizz.sshj.sftp.Response;
import net.schmizz.sshj.sftp.SFTPClient;
import net.schmizz.sshj.sftp.SFTPException;

/** The files side of one {@link SshSession}: one SFTP channel, opened when first needed. */
final class SftpFiles {
    private final SshSession session;
    private final SSHClient client;
    private SFTPClient sftp; // guarded by this

    SftpFiles(SshSession session, SSHClient client) {
        this.session = session;
        this.client = client;
    }

    /**
     * Whether the far side serves SFTP (hardened hosts often disable the subsystem); when it does not, callers can
     * still run commands with {@link SshSession#exec}.
     */
    boolean hasSftp() {
        try {
            sftp();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The remote user's home directory, as the SFTP server canonicalizes {@code "."}. */
    String home() throws SshException {
        try {
            return sftp().canonicalize(".");
        } catch (IOException e) {
            throw session.failed("Cannot find the home directory on " + session.describe(), e);
        }
    }

    /** Whether something exists at {@code remotePath} (symbolic links followed); relative paths are from home. */
    boolean exists(String remotePath) throws SshException {
        Objects.requireNonNull(remotePath, "remotePath");
        try {
            return sftp().statExistence(remotePath) != null;
        } catch (IOException e) {
            throw session.failed("Cannot check " + remotePath + " on " + session.describe(), e);
        }
    }

    /**
     * Copies a local regular file to {@code remotePath} (relative paths are from home), creating missing parent
     * directories. The bytes go to a hidden temporary name in the same directory first, which is then renamed
     * over {@code remotePath} (atomically on OpenSSH, with its {@code posix-rename} extension), so a half-written
     * file never appears under the final name, and an existing file is replaced. The permissions are
     * {@code rwxr-xr-x} when the local file is executable by its owner, {@code rw-r--r--} otherwise; the
     * modification time is not kept.
     */
    void upload(Path local, String remotePath) throws SshException {
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(remotePath, "remotePath");
        int slash = remotePath.lastIndexOf('/');
        String name = remotePath.substring(slash + 1);
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("remotePath must name a file, got '" + remotePath + "'");
        }
        String dir = slash < 0 ? "" : slash == 0 ? "/" : remotePath.substring(0, slash);
        String temp = (dir.isEmpty() ? "" : dir.endsWith("/") ? dir : dir + "/")
                + "." + name + ".distest-" + Secrets.hexId(8) + ".part";
        int mode = ownerExecutable(local) ? 0755 : 0644;
        String what = "Cannot upload " + local + " to " + session.describe() + " as " + remotePath;
        if (!Files.isRegularFile(local)) {
            throw session.failed(what, new NoSuchFileException(local.toString(), null, "not a regular file"));
        }
        SFTPClient sftp;
        try {
            sftp = sftp();
            if (!dir.isEmpty()) {
                mkdirs(sftp, dir);
            }
        } catch (IOException e) {
            throw session.failed(what, e);
        }
        try {
            FileAttributes attributes = new FileAttributes.Builder().withPermissions(mode).build();
            try (RemoteFile file = sftp.open(temp, EnumSet.of(OpenMode.WRITE, OpenMode.CREAT, OpenMode.EXCL),
                    attributes);
                    OutputStream out = file.new RemoteFileOutputStream(0, 16);
                    InputStream in = Files.newInputStream(local)) {
                in.transferTo(out);
            }
            sftp.chmod(temp, mode); // open's mode is subject to the far side's umask
            renameOver(sftp, temp, remotePath);
        } catch (IOException e) {
            try {
                sftp.rm(temp);
            } catch (IOException | RuntimeException ignored) {
                // it may never have been created; the failure above is what matters
            }
            throw session.failed(what, e);
        }
    }
    private synchronized SFTPClient sftp() throws IOException {
        session.checkOpen();
        if (sftp == null) {
            try {
                sftp = client.newSFTPClient();
            } catch (IOException e) {
                throw new SshException(SshException.Reason.OPERATION_FAILED, "Cannot start SFTP on " + session.describe()
                        + " (is the sftp subsystem enabled in its sshd_config?): " + e.getMessage(), e);
            }
        }
        return sftp;
    }

    private static boolean ownerExecutable(Path local) {
        try {
            return Files.getPosixFilePermissions(local).contains(PosixFilePermission.OWNER_EXECUTE);
        } catch (UnsupportedOperationException | IOException e) {
            return Files.isExecutable(local); // not a POSIX file system (Windows): what this user may do
        }
    }

    /**
     * Like {@code mkdir -p}, each directory it creates {@code 0700} (not the far side's umask: other accounts must
     * not write where the worker jar is run from); tolerates another upload creating the same directory at the same
     * time.
     */
    private static void mkdirs(SFTPClient sftp, String dir) throws IOException {
        List<String> missing = new ArrayList<>();
        String current = dir;
        while (!current.isEmpty() && !current.equals("/")) {
            FileAttributes attributes = sftp.statExistence(current);
            if (attributes != null) {
                if (attributes.getType() != FileMode.Type.DIRECTORY) {
                    throw new IOException(current + " exists and is not a directory");
                }
                break;
            }
            missing.add(0, current);
            int slash = current.lastIndexOf('/');
            current = slash < 0 ? "" : slash == 0 ? "/" : current.substring(0, slash);
        }
        for (String d : missing) {
            try {
                sftp.mkdir(d);
                sftp.chmod(d, 0700);
            } catch (SFTPException e) {
                FileAttributes now = sftp.statExistence(d);
                if (now == null || now.getType() != FileMode.Type.DIRECTORY) {
                    throw e;
                }
            }
        }
    }

    private static void renameOver(SFTPClient sftp, String from, String to) throws IOException {
        try {
            sftp.rename(from, to, EnumSet.of(RenameFlags.OVERWRITE));
        } catch (SFTPException e) {
            if (e.getStatusCode() != Response.StatusCode.UNKNOWN) {
                throw e;
            }
            // sshj could not express OVERWRITE to this server (no posix-rename extension, SFTP v3): plain rename,
            // which refuses to replace a file, so remove the old one first (not atomic, but still never half-written)
            if (sftp.statExistence(to) != null) {
                sftp.rm(to);
            }
            sftp.rename(from, to);
        }
    }

    synchronized void close() {
        Quietly.close(sftp);
    }
}
